/**
 * One A4 job as the IPP printer simulator saw it leave the printer (issue 17 §1; ARCHITECTURE.md §4 "see what
 * was printed, decoded"): `GET /sim/devices/document-printer/printed`.
 */
export interface PrintedDocument {
  seq: number;
  /** ISO 8601 time (from the injected clock) the job completed, was aborted or cancelled. */
  at: string;
  /** The job-name attribute of the request: the host puts the issuance id there (issue 17 §1). */
  jobName: string;
  /** Sheets that came out (a job jammed on page 2 has 1). */
  pages: number;
  /** The PDF's text, page by page joined with a form feed, as a reader of the PDF extracts it. */
  text: string;
  /** How the job ended: job-state 9 completed, 8 aborted (a jam, paper out), 7 cancelled. */
  jobState: 'completed' | 'aborted' | 'canceled';
  /** The document as received. */
  pdfBase64: string;
}
