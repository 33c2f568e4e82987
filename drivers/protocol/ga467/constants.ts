/**
 * GA 467 SAM frame constants for the second-generation resident ID card reader, grouped by function. Every
 * value is from protocols.md §1; each line carries that section's confidence mark ([V], [V*], [C], [!]).
 * Sizes and offsets are in bytes.
 */

// Frame layout (protocols.md §1.1) [V]
export const PREAMBLE = [0xaa, 0xaa, 0xaa, 0x96, 0x69] as const; // AA AA AA 96 69, both directions
export const PREAMBLE_LENGTH = 5;
export const LEN_OFFSET = 5; // Len, 2 bytes big-endian: every byte after it, CHK included
export const HEADER_LENGTH = 7; // preamble + Len: "Receivers read 7 bytes … first, then Len more bytes"
export const CHECKSUM_LENGTH = 1; // CHK = XOR of Len1 … last DATA byte (preamble and CHK excluded)
export const REQUEST_BODY_OFFSET = 7; // CMD, PARA, then DATA at 9
export const REQUEST_DATA_OFFSET = 9;
export const RESPONSE_DATA_OFFSET = 10; // SW1 at 7, SW2 at 8, SW3 at 9, then DATA
/** Len of a request without data: CMD + PARA + CHK ("so 3 when there is no data"). */
export const MIN_REQUEST_LEN = 3;
/** Len of a response without data: SW1 + SW2 + SW3 + CHK. */
export const MIN_RESPONSE_LEN = 4;
export const SW1_OK = 0x00; // "`00` in every captured frame" [V]
export const SW2_OK = 0x00; // "`00` in every captured frame" [V]

// Decoder bounds [decision, not from §1]: they cap a decoder's buffer, so a corrupt Len cannot grow memory.
/** The longest request in §1.2 is `61 FF` + 1 data byte (Len 4); 64 leaves room for unlisted commands with some data. */
export const MAX_REQUEST_LEN = 0x40;
/** The longest response in §1.4 is the read with fingerprint, Len `09 0A` (2314); 4096 leaves headroom. */
export const MAX_RESPONSE_LEN = 0x1000;

// Commands: [CMD, PARA] (protocols.md §1.2) [V unless marked]
export const CMD_RESET_SAM = [0x10, 0xff] as const; // 复位SAM_A, like a power cycle [V guocihong; V* CIdReadHelper]
/** [!] Yangyuanxin/BearPi `IDReader.h` has `01 FF`; two sources have `10 FF`: "Treat `10 FF` as the standard value." */
export const CMD_RESET_SAM_BEARPI = [0x01, 0xff] as const;
export const CMD_SAM_STATUS = [0x11, 0xff] as const; // SAM_A状态检测 [V hev, guocihong, openiDR200]
export const CMD_READ_SAM_ID = [0x12, 0xff] as const; // 读SAM_A管理信息/编号 [V* A905Reader]
export const CMD_FIND_CARD = [0x20, 0x01] as const; // 寻找居民身份证 [V all sources]
export const CMD_SELECT_CARD = [0x20, 0x02] as const; // 选取居民身份证 [V all sources]
export const CMD_READ_TEXT_PHOTO = [0x30, 0x01] as const; // 读机读文字信息和相片信息 [V all sources]
export const CMD_READ_LATEST_ADDRESS = [0x30, 0x03] as const; // 读最新住址/追加信息 [V* A905Reader, CIdReadHelper]
export const CMD_READ_TEXT_PHOTO_FINGERPRINT = [0x30, 0x10] as const; // [V* Instructions.cpp, A905Reader]
export const CMD_SET_BAUD_RATE = 0x60; // 60 nn, PARA nn selects the rate below [V* CIdReadHelper]
export const CMD_SET_RF_FRAME_SIZE = [0x61, 0xff] as const; // + 1 data byte: max bytes per SAM↔RF frame [V hev]

/** `60 nn`: nn → UART baud rate (protocols.md §1.2) [V* CIdReadHelper]. */
export const BAUD_RATE_PARA = { 115200: 0x00, 57600: 0x01, 38400: 0x02, 19200: 0x03, 9600: 0x04 } as const;
export type BaudRate = keyof typeof BAUD_RATE_PARA;
/** Data bytes `61 FF` carries (protocols.md §1.2: "+ 1 data byte") [V]. */
export const RF_FRAME_SIZE_DATA_LENGTH = 1;
/** What hev sends once after a status OK: 0x50 = 80 (protocols.md §1.2) [V]. */
export const RF_FRAME_SIZE_HEV = 0x50;

// Response data sizes (protocols.md §1.3, §1.4)
export const FIND_DATA_LENGTH = 4; // "Find OK (4 data bytes, normally `00`)", pucManaInfo [V; V*]
export const SELECT_DATA_LENGTH = 8; // "Select OK (8 data bytes, normally `00`)", the card serial pucSN [V; V*]
export const SAM_ID_LENGTH = 16; // read SAM ID: SW3 90 followed by 16 bytes [V* A905Reader]
export const LATEST_ADDRESS_LENGTH = 70; // 70 bytes of UCS-2LE text from frame offset 10 [V* CIdReadHelper, A905Reader]
export const TEXT_LENGTH = 256; // text length field `01 00` (§1.4, §1.5) [V]
export const PHOTO_LENGTH = 1024; // photo length field `04 00`, WLT (§1.4, §1.7) [V]
export const FINGERPRINT_LENGTH = 1024; // fingerprint length field `04 00` (§1.7) [V*]
/** "clients accept a fingerprint length of 0" when the card holds none (§1.4) [V*; firmware behaviour C]. */
export const NO_FINGERPRINT_LENGTH = 0;
/** Read text + photo: two big-endian lengths after SW3, text at frame offset 14 (§1.4) [V]. */
export const TEXT_PHOTO_LENGTH_FIELDS = 2;
/** Read with fingerprint: three big-endian lengths after SW3, text at frame offset 16 (§1.4) [V*]. */
export const TEXT_PHOTO_FINGERPRINT_LENGTH_FIELDS = 3;
export const READ_TEXT_PHOTO_FRAME_LENGTH = 1295; // "The whole frame is 1295 bytes" (§1.4) [V]
export const READ_TEXT_PHOTO_FINGERPRINT_FRAME_LENGTH = 2321; // "The whole frame is 2321 bytes" (§1.4) [V*]

// Status codes SW3 (protocols.md §1.3) [V: HslCommunicationJavaDemo `DefaultLanguage.java`; three more clients V*]
export const SW3 = {
  SUCCESS: 0x90, // 操作成功
  NO_CONTENT: 0x91, // 证/卡中此项无内容
  CARD_FOUND: 0x9f, // 寻找证/卡成功, find only
  CHECKSUM_ERROR: 0x10, // bad CHK from the host
  LENGTH_ERROR: 0x11, // bad Len from the host
  COMMAND_ERROR: 0x21, // unknown CMD/PARA, a bad value or combination
  NOT_PERMITTED: 0x23, // 越权操作
  UNRECOGNISED_ERROR: 0x24,
  CARD_REJECTED_SAM: 0x31, // the card failed to authenticate the SAM
  SAM_REJECTED_CARD: 0x32, // the SAM failed to authenticate the card
  VERIFICATION_FAILED: 0x33,
  FINGERPRINT_VERIFICATION_ERROR: 0x37, // [V*] C# table only
  INFORMATION_LENGTH_ERROR: 0x3f, // [V*] C# table only
  UNKNOWN_CARD_TYPE: 0x40,
  READ_FAILED: 0x41, // 读证/卡操作失败, card removed during the read
  RANDOM_NUMBER_FAILED: 0x47,
  SAM_SELF_TEST_FAILED: 0x60,
  SAM_NOT_AUTHORISED: 0x66,
  FIND_FAILED: 0x80, // no card, or card not re-presented
  SELECT_FAILED: 0x81,
} as const;

/** Returned only by the host DLL `sdtapi.dll`; "They never appear on the wire" (§1.3) [V*]. */
export const SW3_HOST_DLL_ONLY = [0x01, 0x02, 0x03, 0x05, 0x09] as const;
