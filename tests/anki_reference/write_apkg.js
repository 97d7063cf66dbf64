// Writes an Anki package with anki-apkg-export, a deck writer other than Anki, so that rehearse's
// tests can check that such packages import with the same notes.
//
// Usage: node write_apkg.js NOTES.json OUT.apkg
// NOTES.json: {"deck": "Name::Sub", "notes": [{"front": "...", "back": "...", "tags": ["..."]}]}
'use strict';

const fs = require('fs');
const AnkiExport = require('anki-apkg-export').default;

const [notesPath, outPath] = process.argv.slice(2);
if (!notesPath || !outPath) {
  console.error('usage: node write_apkg.js NOTES.json OUT.apkg');
  process.exit(2);
}
const { deck, notes } = JSON.parse(fs.readFileSync(notesPath, 'utf8'));
const apkg = new AnkiExport(deck);
for (const note of notes) apkg.addCard(note.front, note.back, { tags: note.tags || [] });
apkg
  .save()
  .then((zip) => fs.writeFileSync(outPath, zip, 'binary'))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
