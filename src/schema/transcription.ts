/**
 * Transcription and summary options of a recording or HLS stream start
 * (https://www.100ms.live/docs/server-side/v2/how-to-guides/recordings/transcription-and-summary):
 * there is no transcription resource, only this object on the start calls.
 */
import type { TranscriptionOptions } from '../hms/types.js';
import { builder } from './builder.js';
import { ValidationError } from './mutation-errors.js';

const Mode = builder.enumType('TranscriptionMode', {
  description: 'When 100ms transcribes.',
  values: {
    RECORDED: { value: 'recorded', description: 'After the call, from the recording.' },
    LIVE: { value: 'live', description: 'Live, as HLS captions.' },
  } as const,
});

const OutputMode = builder.enumType('TranscriptOutputMode', {
  description: 'A transcript file format.',
  values: {
    TXT: { value: 'txt', description: 'Plain text.' },
    SRT: { value: 'srt', description: 'SubRip subtitles.' },
    JSON: { value: 'json', description: 'JSON with timings and speakers.' },
  } as const,
});

const SectionFormat = builder.enumType('SummarySectionFormat', {
  description: 'How a summary section is written.',
  values: {
    BULLETS: { value: 'bullets', description: 'A bulleted list.' },
    PARAGRAPH: { value: 'paragraph', description: 'Prose.' },
  } as const,
});

const SectionInput = builder.inputType('SummarySectionInput', {
  description: 'One section of the AI summary.',
  fields: (t) => ({
    title: t.string({ required: true, description: 'Section title, at most 100 characters.' }),
    format: t.field({ type: SectionFormat, required: true, description: 'Bullets or paragraph.' }),
  }),
});

const SummaryInput = builder.inputType('TranscriptionSummaryInput', {
  description: 'An AI summary of the transcript (a `summary` JSON asset).',
  fields: (t) => ({
    enabled: t.boolean({ required: true, description: 'Produce a summary.' }),
    context: t.string({ description: 'What the call is about, to guide the summary (≤ 300 characters).' }),
    temperature: t.float({ description: '0.1–1.0 (default 0.5): higher is more creative.' }),
    sections: t.field({ type: [SectionInput], description: 'At most 6 sections.' }),
  }),
});

export const TranscriptionInput = builder.inputType('TranscriptionInput', {
  description:
    'Transcribe the recording or stream (transcript assets, about 20 % of the duration after it ends) and optionally summarise it.',
  fields: (t) => ({
    enabled: t.boolean({ description: 'Transcribe (default true when this object is given).' }),
    modes: t.field({ type: [Mode], description: 'Post-call and/or live captions (default: recorded).' }),
    outputModes: t.field({ type: [OutputMode], description: 'Transcript formats (default: all three).' }),
    customVocabulary: t.stringList({ description: 'Names and jargon to recognise (at most 100 words).' }),
    summary: t.field({ type: SummaryInput, description: 'AI summary options.' }),
  }),
});

export interface TranscriptionArgs {
  enabled?: boolean | null;
  modes?: Array<'recorded' | 'live'> | null;
  outputModes?: Array<'txt' | 'srt' | 'json'> | null;
  customVocabulary?: string[] | null;
  summary?: {
    enabled: boolean;
    context?: string | null;
    temperature?: number | null;
    sections?: Array<{ title: string; format: 'bullets' | 'paragraph' }> | null;
  } | null;
}

/** The documented limits, checked before sending; maps to the wire object. */
export function transcriptionBody(
  input: TranscriptionArgs | null | undefined,
  field = 'input.transcription',
): TranscriptionOptions | undefined {
  if (!input) return undefined;
  const body: TranscriptionOptions = { enabled: input.enabled ?? true };
  if (input.modes?.length) body.modes = [...new Set(input.modes)];
  if (input.outputModes?.length) body.output_modes = [...new Set(input.outputModes)];
  if (input.customVocabulary?.length) {
    if (input.customVocabulary.length > 100)
      throw new ValidationError(
        `${field}.customVocabulary takes at most 100 words`,
        `${field}.customVocabulary`,
      );
    body.custom_vocabulary = input.customVocabulary;
  }
  const summary = input.summary;
  if (summary) {
    if (summary.context != null && summary.context.length > 300)
      throw new ValidationError(
        `${field}.summary.context must be at most 300 characters`,
        `${field}.summary.context`,
      );
    if (summary.temperature != null && !(summary.temperature >= 0.1 && summary.temperature <= 1))
      throw new ValidationError(
        `${field}.summary.temperature must be 0.1–1.0`,
        `${field}.summary.temperature`,
      );
    if ((summary.sections?.length ?? 0) > 6)
      throw new ValidationError(
        `${field}.summary.sections takes at most 6 sections`,
        `${field}.summary.sections`,
      );
    summary.sections?.forEach((section, i) => {
      if (!section.title.trim() || section.title.length > 100)
        throw new ValidationError(
          `${field}.summary.sections[${i}].title must be 1–100 characters`,
          `${field}.summary.sections`,
        );
    });
    if (summary.enabled && body.enabled === false)
      throw new ValidationError(`${field}.summary needs the transcription enabled`, `${field}.summary`);
    body.summary = {
      enabled: summary.enabled,
      ...(summary.context != null && { context: summary.context }),
      ...(summary.temperature != null && { temperature: summary.temperature }),
      ...(summary.sections?.length && { sections: summary.sections.map((s) => ({ ...s })) }),
    };
  }
  return body;
}
