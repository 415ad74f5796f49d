// Images and attachments of articles: checked on their bytes, stored in the data dir, served inert and only to
// whoever may read the article. The browser-side upload button imports ./rules directly: this index is
// server-only.
import "server-only";

export { markdownFor, uploadUrl } from "./markdown";
export {
  contentDisposition,
  isValidStoredName,
  ORIGINAL_NAME_MAX_LENGTH,
  sanitizeOriginalName,
} from "./names";
export { type PresentedUpload, presentUpload } from "./present";
export { PayloadTooLargeError, readUploadForm, type UploadForm, UploadFormInput } from "./request";
export {
  ATTACHMENT_MAX_BYTES,
  IMAGE_MAX_BYTES,
  MAX_REQUEST_BYTES,
  MAX_UPLOAD_BYTES,
  UPLOAD_ACCEPT,
  UPLOAD_TYPES,
  type UploadKind,
  type UploadType,
} from "./rules";
export {
  getUploadForServing,
  openUploadStream,
  type ServableUpload,
  uploadResponseHeaders,
} from "./serve";
export { normalizeMimeType, type Sniffed, sniffType } from "./sniff";
export { type StoreUploadInput, storeUpload, type UploadActor, uploadsDir } from "./store";
