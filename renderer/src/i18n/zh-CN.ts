/**
 * The source catalog (ARCHITECTURE.md §8.12): every visible string of the citizen UI, in 简体中文. Other
 * catalogs are typed `Catalog`, so a missing or extra id there is a compile error. `{name}` marks a parameter.
 */
export const zhCN = {
  'app.title': '自助服务终端',
  'app.connecting': '正在连接服务，请稍候',
  'app.unavailable.title': '本机暂时无法使用',
  'app.unavailable.body': '请使用其他自助机或到服务窗口办理，给您带来不便，敬请谅解。',
  'app.interrupted.title': '服务暂时中断，请稍候',
  'app.interrupted.body': '本机正在自动恢复，稍后即可继续使用。如需帮助，请联系现场工作人员。',
  'demo.banner': '演示模式：仅供培训演示，不办理真实业务',

  'attract.service24h': '24小时自助服务',
  'attract.start': '点击开始',
  'attract.touchAnywhere': '轻触屏幕任意位置开始',

  'home.title': '请选择服务',
  'home.takeTicket': '取号',
  'home.language': '语言',
  'service.unavailable': '暂停使用',
  'service.alternative': '您可以：{alternative}',

  'business.title': '选择业务',
  'business.waiting': '等候 {count} 人',
  'business.estimate': '约 {minutes} 分钟',
  'business.hoursToday': '办理时间 {hours}',
  'business.noHoursToday': '今日不办理',
  'business.nextOpen': '下次取号 {time}',
  'business.none': '暂无可办理的业务，请咨询工作人员。',

  'closed.holiday': '今日休息（节假日）',
  'closed.notServiceDay': '今日休息',
  'closed.beforeHours': '未到办理时间',
  'closed.afterHours': '今日办理时间已过',
  'closed.stoppedIssuing': '已停止取号',
  'closed.dailyCapReached': '今日号源已满',

  'printing.title': '正在打印号票，请稍候',
  'printing.hint': '号票将从出票口送出',

  'ticket.title': '请取走您的号票',
  'ticket.numberLabel': '您的号码',
  'ticket.peopleAhead': '前面还有 {count} 人',
  'ticket.estimate': '预计等待约 {minutes} 分钟',
  'ticket.zone': '办理地点：{zone}',
  'ticket.issuedAt': '取号时间：{time}',
  'ticket.listen': '请留意叫号，过号需重新取号。',
  'ticket.done': '完成',

  'outcome.voided.title': '号票未能打印',
  'outcome.voided.body': '本号已作废，您可以重新取号。',
  'outcome.voided.number': '作废号码：{number}',
  'outcome.voided.partial': '如出票口有不完整的号票，请勿使用。',
  'outcome.uncertain.title': '打印状态不确定',
  'outcome.uncertain.body': '请查看出票口是否有号票 {number}；如没有，请联系工作人员。',
  'outcome.refused.title': '暂时无法取号',
  'outcome.apiError.title': '取号未能完成',
  'outcome.apiError.retryNote': '点击“重试”不会重复出号。',
  'outcome.reason': '原因：{reason}',

  'action.back': '返回',
  'action.home': '返回首页',
  'action.retakeTicket': '重新取号',
  'action.retry': '重试',

  'countdown.title': '您还在使用吗？',
  'countdown.body': '{seconds} 秒后将返回首页',
  'countdown.continue': '继续使用',

  'clock.date': '{year}年{month}月{day}日 {weekday}',
  'clock.time': '{hour}:{minute}',
  'time.today': '今天 {time}',
  'time.tomorrow': '明天 {time}',
  'time.date': '{month}月{day}日 {time}',
  'list.separator': ', ',

  'weekday.0': '星期日',
  'weekday.1': '星期一',
  'weekday.2': '星期二',
  'weekday.3': '星期三',
  'weekday.4': '星期四',
  'weekday.5': '星期五',
  'weekday.6': '星期六',

  'language.zh-CN': '简体中文',
  'language.zh-TW': '繁體中文',
  'language.en': 'English',

  // One sentence per ErrorCode (common/errors.ts), worded for the citizen standing at the kiosk.
  'error.timeout': '操作超时，请稍后再试。',
  'error.canceled': '操作已取消。',
  'error.deviceNotReady': '设备正在准备，请稍后再试。',
  'error.noDevice': '设备未连接，暂时无法使用。',
  'error.offline': '设备或网络暂时无法连接，请稍后再试。',
  'error.hardwareError': '设备出现故障，暂时无法使用。',
  'error.userError': '设备需要工作人员处理，暂时无法使用。',
  'error.invalidData': '数据有误，请重新操作。',
  'error.unsupported': '本机暂不支持此项服务。',
  'error.busy': '设备正忙，请稍后再试。',
  'error.paperOut': '取号机缺纸，暂时无法出票。',
  'error.paperJam': '取号机卡纸，暂时无法出票。',
  'error.coverOpen': '取号机机盖未关好，暂时无法出票。',
  'error.cutterError': '取号机切纸故障，暂时无法出票。',
  'error.garbledReply': '设备通信异常，暂时无法使用。',
  'error.printIncomplete': '号票未能完整打印。',
  'error.printUncertain': '无法确认号票是否打印成功。',
  'error.businessClosed': '该业务当前不在办理时间。',
  'error.businessUnknown': '该业务暂不可办理，请重新选择。',
  'error.dailyCapReached': '该业务今日号源已满，请改日再来。',
  'error.serviceUnavailable': '该服务暂停使用。',
  'error.badRequest': '操作未能完成，请返回首页重新开始。',
  'error.forbidden': '本机不允许此项操作。',
  'error.internal': '系统出现问题，请稍后再试或联系工作人员。',
};

export type MessageId = keyof typeof zhCN;
export type Catalog = { readonly [K in MessageId]: string };
