// Answers of the API shared by the component tests of the app's start (an office user, schools, a device, the site facts).

export const officeUser = { id: 'u9', email: 'amt@stadt.example', displayName: 'Olga Amt', role: 'office', authorityId: 'a1', schoolIds: [] };

export const schoolAnswer = (id: string, name: string) => ({ id, name });

/** A laptop of school s2 as the device list answers it. */
export const deviceAnswer = (id: string, inventoryNumber: string, status: string) => ({
  id,
  inventoryNumber,
  schoolId: 's2',
  type: 'laptop',
  manufacturer: 'Lenovo',
  model: 'ThinkPad L13',
  status,
  location: 'Raum 12',
  labelledAt: null,
  lastCountedOn: null,
  commissionedOn: null,
  operatingSystem: null,
  purchaseDate: null,
  purchasePriceCents: null,
  retiredOn: null,
  serialNumber: null,
  updatedAt: '2026-12-01T10:00:00Z',
  version: 1,
  warrantyUntil: null,
});

export const siteAnswer = { accessibilityContactName: 'IT-Service', accessibilityContactEmail: 'barrierefrei@stadt.example', privacyUrl: null, imprintUrl: null };
