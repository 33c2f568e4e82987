/** 繁體中文 of the rating panel; typed `RatingCatalog`, so it has exactly the ids of zh-CN.ts. */
import type { RatingCatalog } from './zh-CN';

export const ratingZhTW: RatingCatalog = {
  title: '服務評價',
  question: '您對本次「{service}」服務滿意嗎？',

  'level.verySatisfied': '非常滿意',
  'level.satisfied': '滿意',
  'level.basicallySatisfied': '基本滿意',
  'level.dissatisfied': '不滿意',
  'level.veryDissatisfied': '非常不滿意',

  'reasons.legend': '請選擇不滿意的原因（可多選）',
  'reason.slow': '辦理時間太長',
  'reason.tooManyMaterials': '要交的材料太多',
  'reason.unclearGuidance': '指引看不明白',
  'reason.deviceProblem': '機器出故障或不好用',
  'reason.notResolved': '事情沒辦成',
  'reason.other': '其他',

  'comment.add': '填寫意見（選填）',
  'comment.change': '修改意見',
  'comment.shown': '您的意見：{comment}',
  'comment.keyboardLabel': '輸入您的意見，最多 {max} 字',
  'comment.done': '寫好了',

  submit: '提交評價',
  skip: '跳過',
  submitting: '正在提交評價，請稍候',
  'need.level': '請先選擇一項評價',
  'need.reason': '請至少選擇一個不滿意的原因',
  failed: '評價沒有提交成功，請再點一次「提交評價」，或點「跳過」。',

  thanks: '感謝您的評價',
  'thanks.forwarded': '您的評價已提交。',
  'thanks.queued': '網路暫時不通，您的評價已儲存在本機，網路恢復後會自動提交。',
  already: '本次服務您已經評價過了，感謝您的支持。',
  done: '完成',
};
