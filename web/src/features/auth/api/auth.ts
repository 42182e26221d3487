import { http } from '../../../api/http';
import type { SessionView } from '../../../api/session';
import type { LoginBody, PasswordChangeBody } from '../../../../../src/modules/auth/schemas';
import type { Locale } from '../../../../../src/shared/roles';

export const logIn = (body: LoginBody) => http.post<SessionView>('/api/auth/login', body);
export const changePassword = (body: PasswordChangeBody) => http.post<void>('/api/auth/password', body);
export const saveLocale = (locale: Locale) => http.put<void>('/api/auth/locale', { locale });
