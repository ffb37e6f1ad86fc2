/** OpenCC dictionaries (`opencc-js/dict/<Name>`): `"key value|key value"` strings. */
declare module 'opencc-js/dict/*' {
  const dict: string;
  export default dict;
}
