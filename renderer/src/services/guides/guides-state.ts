/**
 * 办事指南's slice of the app state (issue 16 §5; ARCHITECTURE.md §8.15): which page the citizen is on and how
 * they got there (返回 goes one page back), what they typed, and the checklist print they asked for. The guide
 * texts, the search hits and the routes are the host's answers, fetched by the screens that show them; every
 * rule (what matches, what a checklist holds, whether a ticket is issued) is the host's (§8.6). 取号 from a
 * guide is the take-ticket flow (services/ticket/) inside this service, as 预约签到 does for 取普通号.
 */
import type { KioskErrorInfo } from '../../../../common/errors';
import type { GuideBrowseRequest, GuideHitKind, GuidePrintResult, QrSvg } from '../../../../common/guides-api';
import { INITIAL_TICKET_STATE, isPrinting, ticketReducer, type TicketAction, type TicketState } from '../ticket/ticket-state';

/** The parts of an item's guide page, one on screen at a time (no scrolling a long page by swiping). */
export const ITEM_SECTIONS = ['materials', 'conditions', 'steps', 'time', 'where', 'channels', 'policies', 'bundles'] as const;
export const BUNDLE_SECTIONS = ['items', 'checklist', 'policies', 'where'] as const;
export type GuideSection = (typeof ITEM_SECTIONS)[number] | (typeof BUNDLE_SECTIONS)[number];

export type GuidePage =
  | { name: 'home' }
  | { name: 'browse'; request: GuideBrowseRequest }
  | { name: 'guide'; kind: GuideHitKind; id: string; section?: GuideSection }
  /** The online entry of the item below, large: 在手机上办理. */
  | { name: 'online'; id: string; url: string; qr?: QrSvg }
  /** 带我去: the robot's trip to a hall-map point. */
  | { name: 'trip'; to: string; error?: KioskErrorInfo }
  /** 取号 from a guide: the take-ticket screens. */
  | { name: 'ticket'; ticket: TicketState };

/** 打印清单 of one guide page (`key` = kind:id): asked once per press, shown until the next press. */
export type ChecklistPrint =
  | { key: string; requestId: string; phase: 'printing' }
  | { key: string; requestId: string; phase: 'settled'; result: GuidePrintResult }
  | { key: string; requestId: string; phase: 'failed'; error: KioskErrorInfo };

export interface GuidesState {
  /** Never empty: the guide home first, the page on screen last. */
  stack: GuidePage[];
  /** What the citizen typed (pinyin or initials), kept while they look at a hit and come back. */
  query: string;
  /** The on-screen keyboard is open over the guide home. */
  typing: boolean;
  print: ChecklistPrint | null;
}

export type GuidesAction =
  | { type: 'guides/query'; query: string }
  | { type: 'guides/typing'; on: boolean }
  | { type: 'guides/push'; page: GuidePage }
  | { type: 'guides/back' }
  | { type: 'guides/section'; section: GuideSection }
  /** `robot:go` itself failed (the link, a deadline): the trip screen says so and shows the route. */
  | { type: 'guides/trip-failed'; to: string; error: KioskErrorInfo }
  | { type: 'guides/print-requested'; key: string; requestId: string }
  | { type: 'guides/print-settled'; requestId: string; result: GuidePrintResult }
  | { type: 'guides/print-failed'; requestId: string; error: KioskErrorInfo }
  /** 取号 pressed: the ticket screens open over the guide (the request follows as a ticket action). */
  | { type: 'guides/ticket-open' }
  | { type: 'guides/ticket'; action: TicketAction };

export const INITIAL_GUIDES_STATE: GuidesState = { stack: [{ name: 'home' }], query: '', typing: false, print: null };

export const guideKey = (kind: GuideHitKind, id: string): string => `${kind}:${id}`;

export function topPage(state: GuidesState): GuidePage {
  return state.stack[state.stack.length - 1] ?? { name: 'home' };
}

export function isGuidesBusy(state: GuidesState): boolean {
  const top = topPage(state);
  return state.print?.phase === 'printing' || (top.name === 'ticket' && isPrinting(top.ticket));
}

function replaceTop(state: GuidesState, page: GuidePage): GuidesState {
  return { ...state, stack: [...state.stack.slice(0, -1), page] };
}

export function guidesReducer(state: GuidesState, action: GuidesAction): GuidesState {
  const top = topPage(state);
  switch (action.type) {
    case 'guides/query':
      return state.query === action.query ? state : { ...state, query: action.query };
    case 'guides/typing':
      return state.typing === action.on ? state : { ...state, typing: action.on };
    case 'guides/push':
      return { ...state, typing: false, stack: [...state.stack, action.page] };
    case 'guides/back':
      if (state.stack.length <= 1 || (top.name === 'ticket' && isPrinting(top.ticket))) return state;
      return { ...state, stack: state.stack.slice(0, -1) };
    case 'guides/section':
      return top.name === 'guide' && top.section !== action.section ? replaceTop(state, { ...top, section: action.section }) : state;
    case 'guides/trip-failed':
      return top.name === 'trip' && top.to === action.to ? replaceTop(state, { ...top, error: action.error }) : state;
    case 'guides/print-requested':
      // One checklist at a time: a press while one prints sends nothing new.
      if (state.print?.phase === 'printing') return state;
      return { ...state, print: { key: action.key, requestId: action.requestId, phase: 'printing' } };
    case 'guides/print-settled':
    case 'guides/print-failed': {
      const print = state.print;
      if (print?.phase !== 'printing' || print.requestId !== action.requestId) return state; // stale
      return {
        ...state,
        print:
          action.type === 'guides/print-settled'
            ? { key: print.key, requestId: print.requestId, phase: 'settled', result: action.result }
            : { key: print.key, requestId: print.requestId, phase: 'failed', error: action.error },
      };
    }
    case 'guides/ticket-open':
      return top.name === 'ticket' ? state : { ...state, stack: [...state.stack, { name: 'ticket', ticket: INITIAL_TICKET_STATE }] };
    case 'guides/ticket':
      return top.name === 'ticket' ? replaceTop(state, { name: 'ticket', ticket: ticketReducer(top.ticket, action.action) }) : state;
  }
}
