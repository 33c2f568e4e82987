/**
 * The built-in configuration, used when neither `--config <file>` nor KIOSK_CONFIG names a file
 * (docs/configuration.md has every field, its default and its meaning).
 *
 * - Training mode (ARCHITECTURE.md §8.5): the 演示模式 banner shows and the simulator control API runs. Every
 *   device is simulated: an 80 mm ESC/POS printer, id "ticket-printer", prints both queue tickets and
 *   receipts; a GA 467 second-generation ID-card reader, id "id-card-reader" (protocols.md §1); an optical
 *   fingerprint module of the ZFM family, id "fingerprint" (protocols.md §3); a face camera, id "face-camera",
 *   whose simulator renders scenes from face-api's sample faces; a HID POS QR / bar code scanner, id "scanner"; a guide robot's base speaking HRL/1, id
 *   "robot-base" (docs/robot-protocol.md), whose simulator walks the hall map; an A4 printer over IPP, id
 *   "document-printer" (protocols.md §4, docs/ipp-printing.md), an IPP server on loopback; a smart locker of
 *   one 12-door board, id "locker" (docs/locker-protocol.md); a document camera (高拍仪) behind its vendor's
 *   local HTTP service, id "document-camera" (docs/document-camera.md).
 * - The hall: 贵阳市政务服务中心 24小时自助服务区, kiosk 自助终端 01, Asia/Shanghai.
 * - The hall map (`hall.map`) is the schema's default, the shipped three-floor hall (default-hall-map.ts); each
 *   business names its windows on it.
 * - Eight businesses (domain.md "Queue tickets"): A 社保医保, B 公积金, C 不动产登记, E 企业开办 (1F 企业开办专区),
 *   F 公安户政出入境, G 民政卫健 (2F G 区 and 3F K 区) and H 税务 on weekdays 09:00-12:00 and 13:30-17:30 (A and
 *   F also Saturday mornings), issuing stops 30 minutes before each period closes; D 24小时自助综合服务 issues
 *   around the clock, holidays included.
 * - The calendar holds the 2026 Mid-Autumn and National Day holidays as published by the State Council
 *   (国务院办公厅关于2026年部分节假日安排的通知, 2025-11-04: 9月25日, 10月1日至7日 放假;
 *   9月20日(周日)、10月10日(周六) 上班) as an example;
 *   a hall replaces it with its own year.
 * - When tickets cannot be printed, citizens are sent to 一楼咨询台 for a number by hand.
 *
 * Copy DEFAULT_CONFIG_JSON into a file and edit it to configure a real hall.
 */
export const DEFAULT_CONFIG_JSON = `{
  "mode": "training",
  "hall": {
    "id": "gy-zwfw",
    "name": {
      "zh-CN": "贵阳市政务服务中心 24小时自助服务区",
      "zh-TW": "貴陽市政務服務中心 24小時自助服務區",
      "en": "Guiyang Government Service Center, 24-Hour Self-Service Area"
    },
    "kioskName": { "zh-CN": "自助终端 01", "zh-TW": "自助終端 01", "en": "Kiosk 01" },
    "timeZone": "Asia/Shanghai",
    "alternatives": {
      "takeTicket": {
        "zh-CN": "请到一楼咨询台人工取号",
        "zh-TW": "請到一樓諮詢台人工取號",
        "en": "Please ask at the first-floor information desk for a number"
      }
    }
  },
  "server": { "port": 8620, "simPort": 8621 },
  "session": {
    "idleTimeoutMs": 60000, "countdownMs": 10000, "attractAfterMs": 30000, "ticketShownMs": 20000,
    "elderIdleTimeoutMs": 180000, "elderCountdownMs": 30000
  },
  "staff": {
    "accounts": [
      { "id": "demo-staff", "name": "演示管理员", "role": "technician", "pinHash": "scrypt$16384$8$1$+KqK8e3lpfiPd/bLfJDUjw==$XUUgsZX/4VR0frlzrU1uEq5W+K5dR+uOnPmz6xJsG9Q=" }
    ]
  },
  "devices": {
    "ticket-printer": {
      "role": ["ticketPrinter", "receiptPrinter"],
      "driver": "escpos",
      "model": "generic-escpos-80",
      "transport": { "kind": "sim" }
    },
    "id-card-reader": {
      "role": "idCardReader",
      "driver": "ga467",
      "model": "generic-ga467",
      "transport": { "kind": "sim" }
    },
    "fingerprint": {
      "role": "fingerprintReader",
      "driver": "zfm",
      "model": "generic-zfm",
      "transport": { "kind": "sim" }
    },
    "face-camera": {
      "role": "faceCamera",
      "driver": "facecam",
      "transport": { "kind": "sim" }
    },
    "scanner": {
      "role": "barcodeScanner",
      "driver": "hidpos",
      "model": "generic-hidpos",
      "transport": { "kind": "sim" }
    },
    "robot-base": {
      "role": "robotBase",
      "driver": "robotline",
      "model": "generic-hrl",
      "transport": { "kind": "sim" }
    },
    "document-printer": {
      "role": "documentPrinter",
      "driver": "ipp",
      "transport": { "kind": "sim" }
    },
    "document-camera": {
      "role": "documentCamera",
      "driver": "doccam",
      "model": "generic-http",
      "transport": { "kind": "sim" }
    },
    "locker": {
      "role": "locker",
      "driver": "hlb",
      "model": "generic-hlb",
      "transport": { "kind": "sim" },
      "options": { "boards": [{ "address": 1, "locks": 12 }] }
    }
  },
  "queue": {
    "businesses": [
      {
        "id": "social-insurance",
        "prefix": "A",
        "name": { "zh-CN": "社保医保", "zh-TW": "社保醫保", "en": "Social and Medical Insurance" },
        "zone": { "zh-CN": "二楼 A 区 1-6 号窗口", "zh-TW": "二樓 A 區 1-6 號窗口", "en": "2F, Zone A, Windows 1-6" },
        "dailyCap": 300,
        "counters": 6,
        "avgServiceMinutes": 8,
        "windows": ["A1", "A2", "A3", "A4", "A5", "A6"],
        "hours": {
          "mon": ["09:00-12:00", "13:30-17:30"],
          "tue": ["09:00-12:00", "13:30-17:30"],
          "wed": ["09:00-12:00", "13:30-17:30"],
          "thu": ["09:00-12:00", "13:30-17:30"],
          "fri": ["09:00-12:00", "13:30-17:30"],
          "sat": ["09:00-12:00"]
        },
        "stopIssuingMinutesBeforeClose": 30
      },
      {
        "id": "housing-fund",
        "prefix": "B",
        "name": { "zh-CN": "公积金", "zh-TW": "公積金", "en": "Housing Provident Fund" },
        "zone": { "zh-CN": "二楼 B 区 7-10 号窗口", "zh-TW": "二樓 B 區 7-10 號窗口", "en": "2F, Zone B, Windows 7-10" },
        "dailyCap": 200,
        "counters": 4,
        "avgServiceMinutes": 10,
        "windows": ["B7", "B8", "B9", "B10"],
        "hours": {
          "mon": ["09:00-12:00", "13:30-17:30"],
          "tue": ["09:00-12:00", "13:30-17:30"],
          "wed": ["09:00-12:00", "13:30-17:30"],
          "thu": ["09:00-12:00", "13:30-17:30"],
          "fri": ["09:00-12:00", "13:30-17:30"]
        },
        "stopIssuingMinutesBeforeClose": 30
      },
      {
        "id": "real-estate",
        "prefix": "C",
        "name": { "zh-CN": "不动产登记", "zh-TW": "不動產登記", "en": "Real Estate Registration" },
        "zone": { "zh-CN": "三楼 C 区 11-18 号窗口", "zh-TW": "三樓 C 區 11-18 號窗口", "en": "3F, Zone C, Windows 11-18" },
        "dailyCap": 150,
        "counters": 8,
        "avgServiceMinutes": 15,
        "windows": ["C11", "C12", "C13", "C14", "C15", "C16", "C17", "C18"],
        "hours": {
          "mon": ["09:00-12:00", "13:30-17:30"],
          "tue": ["09:00-12:00", "13:30-17:30"],
          "wed": ["09:00-12:00", "13:30-17:30"],
          "thu": ["09:00-12:00", "13:30-17:30"],
          "fri": ["09:00-12:00", "13:30-17:30"]
        },
        "stopIssuingMinutesBeforeClose": 30
      },
      {
        "id": "self-service",
        "prefix": "D",
        "name": { "zh-CN": "24小时自助综合服务", "zh-TW": "24小時自助綜合服務", "en": "24-Hour Self-Service Assistance" },
        "zone": { "zh-CN": "一楼 24小时自助服务区", "zh-TW": "一樓 24小時自助服務區", "en": "1F, 24-Hour Self-Service Area" },
        "dailyCap": 999,
        "counters": 2,
        "avgServiceMinutes": 5,
        "windows": ["D1", "D2"],
        "hours": {
          "mon": ["00:00-24:00"],
          "tue": ["00:00-24:00"],
          "wed": ["00:00-24:00"],
          "thu": ["00:00-24:00"],
          "fri": ["00:00-24:00"],
          "sat": ["00:00-24:00"],
          "sun": ["00:00-24:00"]
        },
        "stopIssuingMinutesBeforeClose": 0,
        "openOnHolidays": true
      },
      {
        "id": "business-startup",
        "prefix": "E",
        "name": { "zh-CN": "企业开办", "zh-TW": "企業開辦", "en": "Business Start-up" },
        "zone": { "zh-CN": "一楼 企业开办专区 E1-E8 号窗口", "zh-TW": "一樓 企業開辦專區 E1-E8 號窗口", "en": "1F, Business Start-up Zone, Windows E1-E8" },
        "dailyCap": 120,
        "counters": 8,
        "avgServiceMinutes": 20,
        "windows": ["E1", "E2", "E3", "E4", "E5", "E6", "E7", "E8"],
        "hours": {
          "mon": ["09:00-12:00", "13:30-17:30"],
          "tue": ["09:00-12:00", "13:30-17:30"],
          "wed": ["09:00-12:00", "13:30-17:30"],
          "thu": ["09:00-12:00", "13:30-17:30"],
          "fri": ["09:00-12:00", "13:30-17:30"]
        },
        "stopIssuingMinutesBeforeClose": 30
      },
      {
        "id": "public-security",
        "prefix": "F",
        "name": { "zh-CN": "公安户政出入境", "zh-TW": "公安戶政出入境", "en": "Household Registration and Exit-Entry" },
        "zone": { "zh-CN": "二楼 F 区 1-4 号窗口", "zh-TW": "二樓 F 區 1-4 號窗口", "en": "2F, Zone F, Windows 1-4" },
        "dailyCap": 160,
        "counters": 4,
        "avgServiceMinutes": 12,
        "windows": ["F1", "F2", "F3", "F4"],
        "hours": {
          "mon": ["09:00-12:00", "13:30-17:30"],
          "tue": ["09:00-12:00", "13:30-17:30"],
          "wed": ["09:00-12:00", "13:30-17:30"],
          "thu": ["09:00-12:00", "13:30-17:30"],
          "fri": ["09:00-12:00", "13:30-17:30"],
          "sat": ["09:00-12:00"]
        },
        "stopIssuingMinutesBeforeClose": 30
      },
      {
        "id": "civil-health",
        "prefix": "G",
        "name": { "zh-CN": "民政卫健", "zh-TW": "民政衛健", "en": "Civil Affairs and Health" },
        "zone": { "zh-CN": "二楼 G 区 1-3 号窗口、三楼 K 区 1-3 号窗口", "zh-TW": "二樓 G 區 1-3 號窗口、三樓 K 區 1-3 號窗口", "en": "2F, Zone G, Windows 1-3; 3F, Zone K, Windows 1-3" },
        "dailyCap": 120,
        "counters": 6,
        "avgServiceMinutes": 10,
        "windows": ["G1", "G2", "G3", "K1", "K2", "K3"],
        "hours": {
          "mon": ["09:00-12:00", "13:30-17:30"],
          "tue": ["09:00-12:00", "13:30-17:30"],
          "wed": ["09:00-12:00", "13:30-17:30"],
          "thu": ["09:00-12:00", "13:30-17:30"],
          "fri": ["09:00-12:00", "13:30-17:30"]
        },
        "stopIssuingMinutesBeforeClose": 30
      },
      {
        "id": "tax",
        "prefix": "H",
        "name": { "zh-CN": "税务", "zh-TW": "稅務", "en": "Taxation" },
        "zone": { "zh-CN": "三楼 H 区 1-4 号窗口", "zh-TW": "三樓 H 區 1-4 號窗口", "en": "3F, Zone H, Windows 1-4" },
        "dailyCap": 200,
        "counters": 4,
        "avgServiceMinutes": 12,
        "windows": ["H1", "H2", "H3", "H4"],
        "hours": {
          "mon": ["09:00-12:00", "13:30-17:30"],
          "tue": ["09:00-12:00", "13:30-17:30"],
          "wed": ["09:00-12:00", "13:30-17:30"],
          "thu": ["09:00-12:00", "13:30-17:30"],
          "fri": ["09:00-12:00", "13:30-17:30"]
        },
        "stopIssuingMinutesBeforeClose": 30
      }
    ],
    "calendar": {
      "holidays": [
        "2026-09-25",
        "2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06", "2026-10-07"
      ],
      "workdays": [
        { "date": "2026-09-20", "hoursOf": "mon" },
        { "date": "2026-10-10", "hoursOf": "fri" }
      ]
    },
    "recentWindow": 20
  },
  "logging": { "level": "info" }
}
`;
