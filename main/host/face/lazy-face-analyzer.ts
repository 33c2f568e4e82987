/**
 * The one face worker of the kiosk (ARCHITECTURE.md §8.9), started on first use: its models take about two
 * seconds to load and most sessions never look at the camera. Later callers get the same, started analyzer.
 */
import type { FaceAnalyzer } from './face-analyzer';

export class LazyFaceAnalyzer {
  private analyzer: FaceAnalyzer | null = null;
  private started: Promise<FaceAnalyzer> | null = null;

  constructor(private readonly create: () => FaceAnalyzer) {}

  get(): Promise<FaceAnalyzer> {
    if (!this.started) {
      const analyzer = (this.analyzer = this.create());
      this.started = analyzer.start().then(
        () => analyzer,
        (err: unknown) => {
          this.started = null; // the next citizen tries again
          throw err;
        },
      );
    }
    return this.started;
  }

  async dispose(): Promise<void> {
    await this.analyzer?.dispose();
    this.analyzer = null;
    this.started = null;
  }
}
