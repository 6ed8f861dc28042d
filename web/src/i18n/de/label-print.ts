/** The German texts of the label printing panel. */
export const labelPrint = {
  title: 'Etiketten drucken',
  for: 'Etiketten für',
  format: 'Etikettenbogen',
  startAt: 'erstes freies Etikett',
  startAtHelp: 'Bei einem angebrochenen Bogen: Nummer des ersten freien Etiketts, zeilenweise gezählt (1 bis {max}).',
  startAtInvalid: 'Bitte eine Zahl von 1 bis {max} eingeben.',
  showModel: 'Gerätetyp und Modell mitdrucken',
  print: 'PDF erzeugen',
  printing: 'PDF wird erstellt …',
  done: 'Das PDF mit den Etiketten wurde heruntergeladen.',
  open: 'Erneut öffnen',
} as const;
