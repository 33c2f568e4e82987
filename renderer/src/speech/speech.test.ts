import { describe, expect, it } from 'vitest';
import type { ApiChannel } from '../../../common/kiosk-api';
import type { SpeechClipRequest, SpeechClipResult } from '../../../common/speech';
import { FakeSynth, makeFakeUtterance, SILENT_WAV_BASE64 } from '../test-support/fake-speech';
import { chooseSpeech } from './choose-speech';
import { HostClipSpeech, type ClipPlayer } from './host-clip-speech';
import { joinSentences, splitForSpeech, SpeechUnavailableError } from './speech';
import { WebSpeech } from './web-speech';

const webWith = (...langs: string[]) => {
  const synth = new FakeSynth(langs);
  return { synth, web: new WebSpeech(synth.asSynthesis(), makeFakeUtterance) };
};

describe('WebSpeech (the shell’s voices)', () => {
  it('finds a voice per language: zh-CN, zh-TW else zh-HK, English', () => {
    const { web } = webWith('en-US', 'zh_HK', 'zh-CN');
    expect(web.voiceFor('zh-CN')?.lang).toBe('zh-CN');
    expect(web.voiceFor('zh-TW')?.lang).toBe('zh_HK');
    expect(web.voiceFor('en')?.lang).toBe('en-US');
    expect(webWith('zh-TW', 'zh-HK').web.voiceFor('zh-TW')?.lang).toBe('zh-TW');
    expect(webWith('en-GB').web.hasVoice('zh-CN')).toBe(false);
    expect(new WebSpeech(undefined, makeFakeUtterance).hasVoice('en')).toBe(false);
  });

  it('speaks with the voice and rate, settles when done, and stop cancels', async () => {
    const { web, synth } = webWith('zh-CN');
    web.rate = 0.85;
    const said = web.speak('请稍候', 'zh-CN');
    expect(web.speaking).toBe(true);
    expect(synth.spoken[0]).toMatchObject({ text: '请稍候', lang: 'zh-CN', rate: 0.85 });
    synth.finish();
    await said;
    expect(web.speaking).toBe(false);

    const second = web.speak('谢谢', 'zh-CN');
    web.stop();
    await second;
    expect(web.speaking).toBe(false);
  });

  it('refuses a language it has no voice for', async () => {
    await expect(webWith('en-US').web.speak('请稍候', 'zh-CN')).rejects.toBeInstanceOf(SpeechUnavailableError);
  });
});

function hostRig(answer: (r: SpeechClipRequest) => SpeechClipResult = () => ({ ok: true, mime: 'audio/wav', base64: SILENT_WAV_BASE64, cached: false })) {
  const asked: SpeechClipRequest[] = [];
  const played: Uint8Array[] = [];
  let finish: (() => void) | null = null;
  const player: ClipPlayer = {
    play: (wav) => {
      played.push(wav);
      return new Promise<void>((resolve) => (finish = resolve));
    },
    stop: () => finish?.(),
  };
  const api = {
    call: (channel: ApiChannel, request: unknown) => {
      expect(channel).toBe('speech:clip');
      asked.push(request as SpeechClipRequest);
      return Promise.resolve(answer(request as SpeechClipRequest));
    },
  } as never;
  const flush = () => new Promise((r) => setTimeout(r, 0));
  return { speech: new HostClipSpeech(api, player), asked, played, end: () => finish?.(), flush };
}

describe('HostClipSpeech (espeak-ng clips from the host)', () => {
  it('asks for the clip with its cacheable flag and plays the WAV bytes', async () => {
    const { speech, asked, played, end, flush } = hostRig();
    const said = speech.speak('请将身份证放在读卡区', 'zh-CN', { cacheable: true });
    expect(speech.speaking).toBe(true);
    await flush();
    expect(asked).toEqual([{ text: '请将身份证放在读卡区', language: 'zh-CN', cacheable: true }]);
    expect(new TextDecoder().decode(played[0]?.slice(0, 4))).toBe('RIFF');
    end();
    await said;
    expect(speech.speaking).toBe(false);
    const personal = speech.speak('张三', 'zh-CN');
    await flush();
    end();
    await personal;
    expect(asked[1]?.cacheable).toBe(false);
  });

  it('says there is no voice when the host has none', async () => {
    const { speech } = hostRig(() => ({ ok: false, reason: 'noVoice' }));
    await expect(speech.speak('请稍候', 'zh-CN')).rejects.toBeInstanceOf(SpeechUnavailableError);
  });

  it('a long text goes in pieces the host takes, in order', async () => {
    const { speech, asked, end, flush } = hostRig();
    const text = `${'请带好材料。'.repeat(80)}${'谢谢'.repeat(10)}`;
    const said = speech.speak(text, 'zh-CN');
    for (let i = 0; i < 3; i++) {
      await flush();
      end();
    }
    await said;
    expect(asked.length).toBe(2);
    expect(asked.every((a) => a.text.length <= 400)).toBe(true);
    expect(asked.map((a) => a.text).join('')).toBe(text);
  });

  it('stopped while the clip is on its way: nothing plays', async () => {
    const { speech, played, flush } = hostRig();
    const said = speech.speak('请稍候', 'zh-CN');
    speech.stop();
    await said;
    await flush();
    expect(played).toEqual([]);
  });
});

describe('chooseSpeech, joinSentences, splitForSpeech', () => {
  it('takes the shell’s voice where it has one for the language, else the host’s clips', () => {
    const { web } = webWith('en-US');
    const host = hostRig().speech;
    expect(chooseSpeech('en', web, host)).toBe(web);
    expect(chooseSpeech('zh-CN', web, host)).toBe(host);
  });

  it('joins a title and a lead as sentences', () => {
    expect(joinSentences('zh-CN', '请将身份证放在读卡区', '请把身份证平放。', null, ' ')).toBe('请将身份证放在读卡区。 请把身份证平放。');
    expect(joinSentences('en', 'Look at the camera', 'Blink.')).toBe('Look at the camera. Blink.');
  });

  it('splits at sentence ends, and cuts a sentence longer than the limit', () => {
    expect(splitForSpeech('一。二。三。', 4)).toEqual(['一。二。', '三。']);
    expect(splitForSpeech('一二三四五六', 4)).toEqual(['一二三四', '五六']);
  });
});
