import { AppError } from '../../core/errors/app-error.js';

export const privacyErrors = {
  contactNotFound: () => new AppError('CONTACT_NOT_FOUND', 'No contact with this key or identifier in your tenant', { status: 404, userMessage: 'This contact does not exist.' }),
  contactActive: (count: number) =>
    new AppError('PRIVACY_CONTACT_ACTIVE', `The contact has ${count} open conversation(s); close them before erasing`, { status: 409, userMessage: 'This contact still has an open conversation; close it first.' }),
  consentNotAllowed: () => new AppError('CONSENT_NOT_ALLOWED', 'Only the assigned agent or a supervisor records consent in a conversation', { status: 403 }),
};
