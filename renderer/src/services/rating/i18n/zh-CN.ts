/**
 * The rating's source catalog (好差评, issue 17 §8; GB/T 39735-2020; ARCHITECTURE.md §8.12): every visible
 * string of the rating panel in 简体中文, the five levels in the standard's words. Kept apart from the citizen
 * catalogs (renderer/src/i18n/) as the guides keep theirs; zh-TW.ts and en.ts are typed `RatingCatalog`, so a
 * missing or extra id there is a compile error. `{name}` marks a parameter.
 */
export const ratingZhCN = {
  title: '服务评价',
  question: '您对本次“{service}”服务满意吗？',

  'level.verySatisfied': '非常满意',
  'level.satisfied': '满意',
  'level.basicallySatisfied': '基本满意',
  'level.dissatisfied': '不满意',
  'level.veryDissatisfied': '非常不满意',

  'reasons.legend': '请选择不满意的原因（可多选）',
  'reason.slow': '办理时间太长',
  'reason.tooManyMaterials': '要交的材料太多',
  'reason.unclearGuidance': '指引看不明白',
  'reason.deviceProblem': '机器出故障或不好用',
  'reason.notResolved': '事情没办成',
  'reason.other': '其他',

  'comment.add': '填写意见（选填）',
  'comment.change': '修改意见',
  'comment.shown': '您的意见：{comment}',
  'comment.keyboardLabel': '输入您的意见，最多 {max} 字',
  'comment.done': '写好了',

  submit: '提交评价',
  skip: '跳过',
  submitting: '正在提交评价，请稍候',
  'need.level': '请先选择一项评价',
  'need.reason': '请至少选择一个不满意的原因',
  failed: '评价没有提交成功，请再点一次“提交评价”，或点“跳过”。',

  thanks: '感谢您的评价',
  'thanks.forwarded': '您的评价已提交。',
  'thanks.queued': '网络暂时不通，您的评价已保存在本机，网络恢复后会自动提交。',
  already: '本次服务您已经评价过了，感谢您的支持。',
  done: '完成',
} as const;

export type RatingMessageId = keyof typeof ratingZhCN;
export type RatingCatalog = { readonly [K in RatingMessageId]: string };
