'use strict';
// What the templates share: which of a service's variables they spell out, and a bit of English.
const { secretsOf } = require('../registry.cjs');

/** The service's own secrets besides the database credentials (e.g. auth's signing key). */
const extraSecrets = (s) => secretsOf(s).filter((e) => e.name !== 'DATABASE_URL');
/** Required non-secret variables without a default (e.g. the gateway's PORT). */
const extraConfig = (s) => s.env.filter((e) => !e.secret && !e.optional && e.name !== 'PORT');

const possessive = (name) => (name.endsWith('s') ? `${name}'` : `${name}'s`);

module.exports = { extraSecrets, extraConfig, possessive };
