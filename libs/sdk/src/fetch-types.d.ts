// The generated fetch client names the DOM's BodyInit; the workspace compiles without the DOM lib,
// and Node's fetch takes the same body types (undici).
type BodyInit = import('undici-types').BodyInit;
