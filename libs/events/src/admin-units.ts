import { z } from 'zod';

// GSO administrative-unit codes (before the 2025 reform): province 2 digits, district 3, ward 5.
export const provinceCode = z.string().regex(/^\d{2}$/, 'a 2-digit GSO province code');
export const districtCode = z.string().regex(/^\d{3}$/, 'a 3-digit GSO district code');
export const wardCode = z.string().regex(/^\d{5}$/, 'a 5-digit GSO ward/commune code');
