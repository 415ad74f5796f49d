// The public portal's branding, set by an admin (issue 6 point 9). Server-only: the admin form (a client
// component) imports the plain rules from ./rules directly.
import "server-only";

export {
  type BrandingFormValues,
  BrandingInput,
  getBrandingFormValues,
  getPortalBranding,
  getPortalLogo,
  type PortalBranding,
  resetBranding,
  saveBranding,
} from "./branding";
export { contrastRatio, formatRatio } from "./contrast";
export { checkLogo, LOGO_MIME_TYPES, logoUrl } from "./logo";
export { BRANDING_LIMITS, DEFAULT_COLORS, footerLinkUrlProblem } from "./rules";
