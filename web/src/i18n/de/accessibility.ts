/** The German texts of the accessibility statement. */
export const accessibility = {
  title: 'Erklärung zur Barrierefreiheit',
  intro:
    'Der Schulträger ist bemüht, diese Anwendung im Einklang mit der Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) barrierefrei zugänglich zu machen. Diese Erklärung gilt für das Schul-IT-Inventar.',
  statusTitle: 'Stand der Vereinbarkeit',
  status:
    'Die Anwendung ist mit den Anforderungen der BITV 2.0 (WCAG 2.1, Stufe AA) weitgehend vereinbar. Jede Seite wird vor der Auslieferung automatisch mit axe-core geprüft; die Ausgabe und Rückgabe ist vollständig mit der Tastatur bedienbar, Scan-Ergebnisse werden für Screenreader angesagt.',
  limitsTitle: 'Nicht barrierefreie Inhalte',
  limits: 'Erzeugte PDF-Dokumente (Leihverträge) und Excel-Dateien sind noch nicht vollständig barrierefrei.',
  feedbackTitle: 'Feedback und Kontakt',
  feedback: 'Sind Ihnen Mängel beim barrierefreien Zugang aufgefallen? Dann schreiben Sie uns:',
  noContact: 'Für diese Installation ist noch keine Kontaktadresse eingetragen. Bitte wenden Sie sich an Ihr Schulverwaltungsamt.',
  enforcementTitle: 'Schlichtungsverfahren',
  enforcement:
    'Wenn Sie auf Ihre Rückmeldung keine zufriedenstellende Antwort erhalten, können Sie sich an die Schlichtungsstelle nach dem Behindertengleichstellungsgesetz Ihres Landes wenden.',
} as const;
