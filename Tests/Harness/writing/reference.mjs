// Reference figures for the writing-feedback tests: for each .txt file in the folder given as the first argument,
// text-readability's grades and retext-passive's verdict on each sentence retext-english finds. Prints one JSON
// object keyed by file name, so the test compares its own analyzer with these packages passage by passage.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import readability from 'text-readability';
import { unified } from 'unified';
import retextEnglish from 'retext-english';
import retextPassive from 'retext-passive';
import { toString } from 'nlcst-to-string';

const folder = process.argv[2];
if (!folder) {
  console.error('usage: node reference.mjs <folder of .txt passages>');
  process.exit(2);
}

const processor = unified().use(retextEnglish).use(retextPassive);
const result = {};
for (const name of readdirSync(folder).filter(n => n.endsWith('.txt')).sort()) {
  const text = readFileSync(join(folder, name), 'utf8');
  const tree = processor.parse(text);
  const file = { messages: [], message(reason, options) { const m = { reason, ...options }; this.messages.push(m); return m; } };
  // Run the transformer by hand so the tree and its messages stay ours to walk.
  retextPassive()(tree, file);
  const flagged = file.messages.map(m => m.place.start.offset);
  const sentences = [];
  for (const paragraph of tree.children.filter(n => n.type === 'ParagraphNode')) {
    for (const sentence of paragraph.children.filter(n => n.type === 'SentenceNode')) {
      const start = sentence.position.start.offset;
      const end = sentence.position.end.offset;
      sentences.push({ text: toString(sentence), passive: flagged.some(o => o >= start && o < end) });
    }
  }

  result[name] = {
    fleschReadingEase: readability.fleschReadingEase(text),
    fleschKincaidGrade: readability.fleschKincaidGrade(text),
    gunningFog: readability.gunningFog(text),
    smogIndex: readability.smogIndex(text),
    colemanLiauIndex: readability.colemanLiauIndex(text),
    sentences,
  };
}

process.stdout.write(JSON.stringify(result));
