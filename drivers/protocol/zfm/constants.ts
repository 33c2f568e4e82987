/**
 * Byte constants of the optical fingerprint module family R305/R307/R503/AS608/ZFM-20, grouped by function.
 * Every value is from protocols.md §3 and carries that section's confidence mark ([V]: checked against
 * F1 Adafruit-Fingerprint-Sensor-Library and F2 pyfingerprint; [C]: not checked).
 */

// Packet frame (protocols.md §3.1) [V]
export const HEADER = [0xef, 0x01] as const; // "EF 01 (high byte first)"
export const DEFAULT_ADDRESS = 0xffffffff; // "module address, default FF FF FF FF"
export const DEFAULT_PASSWORD = 0x00000000; // §3.1 defaults: "password 00000000"
/** Header (2) + address (4) + PID (1) + length (2): the bytes before the payload. */
export const PREFIX_BYTES = 9;
export const CHECKSUM_BYTES = 2;
/** Offsets inside a frame. */
export const PID_OFFSET = 6;
export const LENGTH_OFFSET = 7;

// Packet identifiers (protocols.md §3.1) [V]
export const PID_COMMAND = 0x01;
export const PID_DATA = 0x02; // "data (more follows)"
export const PID_ACK = 0x07;
export const PID_END_OF_DATA = 0x08; // "last data packet"
export const PIDS: readonly number[] = [PID_COMMAND, PID_DATA, PID_ACK, PID_END_OF_DATA];

// Data-packet sizes (protocols.md §3.1 defaults: "data-packet size code 0–3 for 32/64/128/256 bytes (F2)") [V]
export const DATA_PACKET_SIZES = [32, 64, 128, 256] as const;
export type DataPacketSize = (typeof DATA_PACKET_SIZES)[number];
/** F2's default (ReadSysPara code 2) [V: F2]; a driver should use what ReadSysPara reports. */
export const DEFAULT_DATA_PACKET_SIZE: DataPacketSize = 128;
/** The largest payload any packet carries: a data packet at size code 3. Acks and commands are far smaller. */
export const MAX_PAYLOAD_BYTES = 256;
/** The length field counts payload + checksum (§3.1), so it lies in 3 … 258: an empty payload is refused. */
export const MIN_LENGTH_FIELD = 1 + CHECKSUM_BYTES;
export const MAX_LENGTH_FIELD = MAX_PAYLOAD_BYTES + CHECKSUM_BYTES;
/** 267: the most a decoder ever holds for one packet. */
export const MAX_FRAME_BYTES = PREFIX_BYTES + MAX_LENGTH_FIELD;

// Instruction codes (protocols.md §3.2) [V unless marked]
export const INS_GEN_IMG = 0x01; // GenImg: capture into the image buffer
export const INS_IMG2TZ = 0x02; // Img2Tz: image → features in char buffer 1/2
export const INS_MATCH = 0x03; // Match buffer 1 vs buffer 2; ack: score (2)
export const INS_SEARCH = 0x04; // Search: buf, start (2), count (2); ack: pageID (2), score (2)
export const INS_REG_MODEL = 0x05; // RegModel: merge buffers 1 + 2
export const INS_STORE = 0x06; // Store: buf, page (2)
export const INS_LOAD_CHAR = 0x07; // LoadChar: buf, page (2)
export const INS_UP_CHAR = 0x08; // UpChar (module → host): buf; then data packets 02 … 08
export const INS_DOWN_CHAR = 0x09; // DownChar (host → module): buf; then the host sends data packets
export const INS_UP_IMAGE = 0x0a; // UpImage; then data packets
export const INS_DELETE_CHAR = 0x0c; // DeletChar: page (2), count (2)
export const INS_EMPTY = 0x0d; // Empty: clear the library
export const INS_SET_SYS_PARA = 0x0e; // SetSysPara: reg, value (no example frame in §3.2)
export const INS_READ_SYS_PARA = 0x0f; // ReadSysPara; ack: 16 bytes
export const INS_SET_PWD = 0x12; // SetPwd: 4 bytes (no example frame)
export const INS_VFY_PWD = 0x13; // VfyPwd: 4 bytes
export const INS_GET_RANDOM_CODE = 0x14; // GetRandomCode; ack: 4 bytes (no example frame)
export const INS_SET_ADDR = 0x15; // SetAddr: 4 bytes (no example frame)
export const INS_HANDSHAKE = 0x17; // HandShake: 00 [V: F2 only, "tested on FPM10A"]
export const INS_HIGH_SPEED_SEARCH = 0x1b; // HighSpeedSearch: as Search
export const INS_TEMPLATE_NUM = 0x1d; // TempleteNum; ack: count (2)
export const INS_READ_INDEX_TABLE = 0x1f; // ReadIndexTable: page 0–3; ack: 32 bytes, one bit per used slot
export const INS_AURA_LED_CONFIG = 0x35; // AuraLedConfig (R503 only): ctrl, speed, colour, count
export const INS_LED_ON = 0x50; // "some modules"
export const INS_LED_OFF = 0x51; // "some modules"

// Char buffers (protocols.md §3.2 "buffer 1/2") [V]
export const CHAR_BUFFER_1 = 0x01;
export const CHAR_BUFFER_2 = 0x02;

// SetSysPara registers (protocols.md §3.2) [V]
export const SYS_PARA_BAUD = 4; // value N: N × 9600 baud, N = 1–12 (§3.1)
export const SYS_PARA_SECURITY_LEVEL = 5; // 1–5
export const SYS_PARA_PACKET_SIZE = 6; // size code 0–3
export const BAUD_UNIT = 9600;

// Index table (protocols.md §3.2: "page 0–3", "32 bytes, one bit per used slot")
export const INDEX_TABLE_PAGES = 4;
export const INDEX_TABLE_BYTES = 32;
export const INDEX_TABLE_SLOTS_PER_PAGE = INDEX_TABLE_BYTES * 8;
/** ReadSysPara's ack data: status reg, system ID, capacity, security level (2 each), address (4), size code (2), baud N (2). */
export const SYS_PARA_BYTES = 16;

// Data formats (protocols.md §3.4) [V: F2]; "Sizes differ between modules: check them with ReadSysPara [C]"
export const IMAGE_WIDTH = 256;
export const IMAGE_HEIGHT = 288;
/** 4 bits per pixel, two pixels per byte, high nibble first: 36 864 bytes. */
export const IMAGE_BYTES = (IMAGE_WIDTH * IMAGE_HEIGHT) / 2;
/** F2's downloadCharacteristics; F1 calls it a "256-byte template" [!], see TEMPLATE_BYTES_F1. */
export const TEMPLATE_BYTES = 512;
export const TEMPLATE_BYTES_F1 = 256;
/** F1's default search count 00A3 (§3.4); a driver should search the capacity ReadSysPara reports. */
export const DEFAULT_SEARCH_COUNT = 0x00a3;
