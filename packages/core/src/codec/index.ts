export {
  decodeStreams,
  encodeStreams,
  quantize,
  STREAM_COLUMNS,
  STREAM_FORMAT_VERSION,
} from './codec.js';
