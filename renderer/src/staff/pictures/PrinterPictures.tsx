/**
 * Drawings of the ticket printer for the guided restock and jam recovery (issue 15 §2): a side view, the
 * hinge at the back (left), the paper slot at the front (right). They show what the step's words say, so
 * they are decorative for assistive technology; colours come from the theme (theme/staff.css), and the
 * thing to look at is drawn thicker and dashed, not only coloured.
 */
import type { ReactNode } from 'react';

function Picture({ children, testId }: { children: ReactNode; testId: string }) {
  return (
    <svg className="staff-picture" viewBox="0 -100 260 256" aria-hidden="true" focusable="false" data-testid={testId}>
      {children}
    </svg>
  );
}

/** The printer's body, with the roll holder inside and the slot at the front. */
function Body() {
  return (
    <>
      <rect className="staff-picture__body" x="40" y="72" width="160" height="68" rx="8" />
      <path className="staff-picture__line" d="M184 78 V134" />
      <rect className="staff-picture__slot" x="184" y="82" width="20" height="6" />
      <rect className="staff-picture__foot" x="52" y="140" width="24" height="8" />
      <rect className="staff-picture__foot" x="164" y="140" width="24" height="8" />
      <path className="staff-picture__line" d="M80 126 Q110 146 140 126" />
    </>
  );
}

/** The cover, turned `angle` degrees open around the hinge at the back. */
function Cover({ angle, highlight = false }: { angle: number; highlight?: boolean }) {
  return (
    <g transform={`rotate(${-angle} 40 66)`}>
      <rect className={highlight ? 'staff-picture__cover staff-picture__cover--highlight' : 'staff-picture__cover'} x="36" y="60" width="168" height="14" rx="6" />
      <circle className="staff-picture__button" cx="198" cy="67" r="4" />
    </g>
  );
}

/** An arrow along `d`, its head at the end: `head` is the arrowhead's own path. */
function Arrow({ d, head }: { d: string; head: string }) {
  return (
    <g className="staff-picture__arrow">
      <path d={d} />
      <path d={head} />
    </g>
  );
}

function Roll({ cx, cy, r }: { cx: number; cy: number; r: number }) {
  return (
    <g>
      <circle className="staff-picture__paper" cx={cx} cy={cy} r={r} />
      <circle className="staff-picture__ring" cx={cx} cy={cy} r={r * 0.65} />
      <circle className="staff-picture__core" cx={cx} cy={cy} r={Math.max(4, r / 4)} />
    </g>
  );
}

/** 打开打印机盖板: the button at the front pressed, the cover lifting. */
export function CoverOpeningPicture() {
  return (
    <Picture testId="picture-cover-open">
      <Body />
      <Roll cx={110} cy={104} r={24} />
      <Cover angle={55} highlight />
      <Arrow d="M214 56 Q226 -30 160 -64" head="M174 -68 L160 -64 L168 -52" />
    </Picture>
  );
}

/** 取出旧纸芯并放入新纸卷，纸头朝外: the old core out, the new roll in, its end running to the slot. */
export function RollChangePicture() {
  return (
    <Picture testId="picture-roll">
      <Body />
      <Cover angle={70} />
      <circle className="staff-picture__core" cx="206" cy="-4" r="8" />
      <Arrow d="M128 80 Q150 20 194 0" head="M182 -4 L194 0 L186 10" />
      <Roll cx={110} cy={104} r={26} />
      <path className="staff-picture__feed" d="M110 130 C150 134 186 120 198 86 L228 84" />
      <path className="staff-picture__feed-head" d="M220 78 L230 84 L220 90" />
    </Picture>
  );
}

/** 拉出一段纸并合上盖板: paper out of the slot, the cover pressed down until it clicks. */
export function CoverClosingPicture() {
  return (
    <Picture testId="picture-cover-close">
      <Body />
      <Roll cx={110} cy={104} r={26} />
      <rect className="staff-picture__paper" x="200" y="82" width="36" height="6" />
      <Cover angle={18} highlight />
      <Arrow d="M160 12 Q196 18 206 44" head="M198 38 L206 46 L212 36" />
      <path className="staff-picture__line" d="M214 54 l10 -6 M216 64 l12 0" />
    </Picture>
  );
}

/** 取出卡住的纸，撕掉皱折的部分: crumpled paper at the slot, pulled up and out. */
export function JamClearingPicture() {
  return (
    <Picture testId="picture-jam">
      <Body />
      <Cover angle={70} />
      <Roll cx={110} cy={104} r={24} />
      <path className="staff-picture__feed staff-picture__feed--jam" d="M150 100 l8 -10 l8 10 l8 -10 l8 10 l8 -10" />
      <Arrow d="M170 84 Q176 56 196 40" head="M184 38 L196 40 L194 52" />
    </Picture>
  );
}
