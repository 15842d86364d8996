/** Words on a receipt that say which default category it belongs to (first match wins, in this order). */
const RULES: [category: string, words: RegExp][] = [
  ['fuel', /\b(petrol|diesel|fuel|gasoline|petronas|shell|esso|caltex|bp|gas station|unleaded|ron ?9[57])\b/i],
  ['lodging', /\b(hotel|motel|hostel|inn|resort|lodge|guest ?house|airbnb)\b/i],
  ['travel', /\b(airline|airways|airport|flight|boarding|railway|rail|train|taxi|cab|grab|uber|lyft|bus|parking|toll|car rental)\b/i],
  ['groceries', /\b(supermarket|hypermarket|grocer(y|ies)?|mart|minimarket|tesco|aeon|lidl|aldi|carrefour|giant|mydin|walmart)\b/i],
  ['meals', /\b(restaurant|restoran|cafe|café|coffee|kopitiam|bakery|bistro|diner|food|kitchen|burger|pizza|sushi|noodle|canteen|mcdonald'?s|kfc|starbucks|bar|pub)\b/i],
  ['office supplies', /\b(stationery|stationer|office|printing|print|paper|book ?store|bookshop|toner|ink)\b/i],
  ['software', /\b(software|subscription|licen[cs]e|saas|cloud|app store|google play)\b/i],
  ['phone/internet', /\b(telecom|mobile|broadband|internet|prepaid|postpaid|maxis|celcom|digi|vodafone|verizon)\b/i],
  ['utilities', /\b(electric(ity)?|water|utilit(y|ies)|tenaga|gas bill|sewerage)\b/i],
  ['entertainment', /\b(cinema|movie|theat(re|er)|concert|museum|karaoke|bowling)\b/i],
  ['professional services', /\b(consult(ing|ancy)?|legal|lawyer|accounting|accountant|audit|advisory|clinic|dental|pharmacy)\b/i],
];

/** A default category for a receipt from its vendor and item texts; `other` when nothing matches. */
export function categorise(texts: string[]): string {
  const text = texts.join('\n');
  return RULES.find(([, words]) => words.test(text))?.[0] ?? 'other';
}
