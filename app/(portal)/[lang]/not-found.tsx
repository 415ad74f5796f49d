import { getMessages } from "@/lib/i18n";
import { NotFoundMessage } from "../_components/not-found-message";

// An unknown, internal, draft or archived article (or topic) inside the portal: the portal's own layout and language.
export default function PortalNotFound() {
  return <NotFoundMessage messages={{ it: getMessages("it").notFound, en: getMessages("en").notFound }} />;
}
