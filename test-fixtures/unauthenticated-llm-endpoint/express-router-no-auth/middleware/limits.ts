// Rate-limit middleware shared by the routers.
import rateLimit from 'express-rate-limit';

export const translateRateLimit = rateLimit({
  windowMs: 60_000,
  max: 15,
  standardHeaders: 'draft-7',
  legacyHeaders: false,
  message: { error: 'Too many requests' },
});
