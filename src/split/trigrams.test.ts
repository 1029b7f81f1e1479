import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { franc, francAll } from 'franc-min';
import { rankLanguages, topLanguage } from './trigrams.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Latin-script languages that are not English among them: the ranking must be franc's for every one. */
const SAMPLES = [
  'The Committee on the Elimination of Racial Discrimination expressed concern about the mass detention of Uyghurs.',
  'Know more about cars and trucks.',
  'Le gouvernement en exil du Turkistan oriental appelle la communauté internationale à agir sans délai.',
  'Die Exilregierung Ostturkestans fordert die internationale Gemeinschaft auf, unverzüglich zu handeln.',
  'El gobierno en el exilio de Turquestán Oriental pide a la comunidad internacional que actúe sin demora.',
  'O governo no exílio do Turquestão Oriental apela à comunidade internacional para agir sem demora.',
  'Il governo in esilio del Turkestan orientale chiede alla comunità internazionale di agire senza indugio.',
  'Doğu Türkistan Sürgün Hükümeti uluslararası topluluğu gecikmeden harekete geçmeye çağırıyor.',
  'Pemerintah Turkistan Timur di pengasingan meminta masyarakat internasional untuk segera bertindak.',
  'Sharqiy Turkiston surgundagi hukumati xalqaro hamjamiyatni zudlik bilan harakat qilishga chaqiradi.',
  'Sherqiy Türkistan Sürgündiki Hökümiti xelq’ara jem’iyetni derhal heriket qilishqa chaqiridu.',
  'Rząd Turkiestanu Wschodniego na uchodźstwie wzywa społeczność międzynarodową do działania.',
  'Правительство Восточного Туркестана в изгнании призывает международное сообщество действовать.',
  'Шығыс Түркістан үкіметі халықаралық қауымдастықты әрекет етуге шақырады.',
  'حكومة تركستان الشرقية في المنفى تدعو المجتمع الدولي إلى التحرك دون تأخير.',
  'مشرقی ترکستان کی جلاوطن حکومت بین الاقوامی برادری سے فوری کارروائی کا مطالبہ کرتی ہے۔',
  'पूर्वी तुर्किस्तान की निर्वासित सरकार अंतरराष्ट्रीय समुदाय से तुरंत कार्रवाई करने का आह्वान करती है।',
  '东突厥斯坦流亡政府呼吁国际社会立即采取行动。',
  '東トルキスタン亡命政府は国際社会に行動を呼びかけた。',
  'Ελληνικά κείμενα',
  'Okay, fine.',
  'ETGE',
  '1) 2024-05-03',
  '',
  '   ',
  'mixed English text 中文 and more English words here',
];

const OPTIONS = [undefined, { minLength: 1 }, { minLength: 40 }, { only: ['eng', 'fra'], minLength: 1 }, { only: ['deu'] }, { only: ['cmn'] }, { only: ['xxx'] }];

function assertSameAsFranc(text: string): void {
  for (const options of OPTIONS) {
    assert.deepEqual(rankLanguages(text, options), francAll(text, options && { ...options, only: options.only && [...options.only] }), `${JSON.stringify(text)} ${JSON.stringify(options)}`);
    assert.equal(topLanguage(text, options), franc(text, options && { ...options, only: options.only && [...options.only] }));
  }
}

test('the ranking is franc-min’s, scores and order of ties included, in every script and with every option', () => {
  for (const text of SAMPLES) assertSameAsFranc(text);
});

test('the ranking is franc-min’s on every window of the reference statement', () => {
  const statement = readFileSync(`${root}examples/statement-etge-2024-en-zh.txt`, 'utf8');
  for (let start = 0; start < statement.length; start += 97) {
    for (const length of [12, 45, 200, 2500]) assertSameAsFranc(statement.slice(start, start + length));
  }
});
