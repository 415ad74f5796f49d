export { API_RATE_LIMIT, apiKeyFromHeaders, authenticateApiRequest, resolveAudience } from "./auth";
export { apiSearch, getApiArticle, listApiCategories, listApiProducts, toApiAnswer } from "./content";
export { apiRoute, readApiQuery } from "./http";
export { buildOpenApiDocument } from "./openapi";
