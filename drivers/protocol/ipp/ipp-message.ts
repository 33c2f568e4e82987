/**
 * An IPP message as data (RFC 8010 §3.1; protocols.md §4.1): version, operation-id (request) or
 * status-code (response), request-id, attribute groups, and the document data after the end tag. Each value
 * keeps its own value tag, because one attribute's values may differ in tag (name and nameWithLanguage,
 * RFC 8010 §3.1.5) and out-of-band values (no-value, unknown) stand among others.
 */
import { TAG } from './constants';

export interface IppRange {
  lower: number;
  upper: number;
}

export interface IppResolution {
  x: number;
  y: number;
  /** 3 dots per inch, 4 dots per centimetre. */
  units: number;
}

export interface IppStringWithLanguage {
  language: string;
  text: string;
}

/** A collection's members in order (RFC 8010 §3.1.6). */
export interface IppCollection {
  members: IppAttribute[];
}

/**
 * integer, enum: number; boolean: boolean; text, name, keyword, uri, charset, …: string; octetString,
 * dateTime and tags this codec does not interpret: Uint8Array (kept as received); out-of-band: null.
 */
export type IppScalar = number | boolean | string | Uint8Array | IppRange | IppResolution | IppStringWithLanguage | IppCollection | null;

export interface IppValue {
  tag: number;
  value: IppScalar;
}

export interface IppAttribute {
  name: string;
  values: IppValue[];
}

export interface IppGroup {
  /** GROUP_OPERATION, GROUP_JOB, GROUP_PRINTER, GROUP_UNSUPPORTED, … */
  tag: number;
  attributes: IppAttribute[];
}

export interface IppMessage {
  version: { major: number; minor: number };
  /** operation-id in a request, status-code in a response. */
  code: number;
  requestId: number;
  groups: IppGroup[];
  /** What follows the end-of-attributes tag (a Print-Job's or Send-Document's document); empty when none. */
  data: Uint8Array;
}

/** One attribute with values of one tag. */
export function attribute(name: string, tag: number, ...values: IppScalar[]): IppAttribute {
  return { name, values: values.map((value) => ({ tag, value })) };
}

export const keywords = (name: string, ...values: string[]): IppAttribute => attribute(name, TAG.keyword, ...values);
export const integer = (name: string, ...values: number[]): IppAttribute => attribute(name, TAG.integer, ...values);
export const enums = (name: string, ...values: number[]): IppAttribute => attribute(name, TAG.enum, ...values);
export const bool = (name: string, value: boolean): IppAttribute => attribute(name, TAG.boolean, value);
export const text = (name: string, ...values: string[]): IppAttribute => attribute(name, TAG.text, ...values);
export const nameAttr = (name: string, ...values: string[]): IppAttribute => attribute(name, TAG.name, ...values);
export const uri = (name: string, ...values: string[]): IppAttribute => attribute(name, TAG.uri, ...values);
export const mime = (name: string, ...values: string[]): IppAttribute => attribute(name, TAG.mimeMediaType, ...values);
export const collection = (name: string, ...values: IppAttribute[][]): IppAttribute => attribute(name, TAG.begCollection, ...values.map((members) => ({ members })));

/** The first group with this tag, or undefined. */
export function findGroup(message: IppMessage, tag: number): IppGroup | undefined {
  return message.groups.find((g) => g.tag === tag);
}

/** Every group with this tag (a Get-Jobs response has one job group per job). */
export function groupsOf(message: IppMessage, tag: number): IppGroup[] {
  return message.groups.filter((g) => g.tag === tag);
}

export function findAttribute(group: IppGroup | undefined, name: string): IppAttribute | undefined {
  return group?.attributes.find((a) => a.name === name);
}

/** The values of an attribute, out-of-band ones left out. */
export function valuesOf(group: IppGroup | undefined, name: string): IppScalar[] {
  return (findAttribute(group, name)?.values ?? []).filter((v) => v.value !== null).map((v) => v.value);
}

export function firstNumber(group: IppGroup | undefined, name: string): number | undefined {
  const v = valuesOf(group, name)[0];
  return typeof v === 'number' ? v : undefined;
}

export function firstString(group: IppGroup | undefined, name: string): string | undefined {
  const v = valuesOf(group, name)[0];
  if (typeof v === 'string') return v;
  if (v !== null && typeof v === 'object' && 'text' in v) return v.text;
  return undefined;
}

export function firstBoolean(group: IppGroup | undefined, name: string): boolean | undefined {
  const v = valuesOf(group, name)[0];
  return typeof v === 'boolean' ? v : undefined;
}

export function stringsOf(group: IppGroup | undefined, name: string): string[] {
  return valuesOf(group, name).flatMap((v) => (typeof v === 'string' ? [v] : v !== null && typeof v === 'object' && 'text' in v ? [v.text] : []));
}
