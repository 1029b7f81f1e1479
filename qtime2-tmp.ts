import { openArchive } from './src/store/index.ts';
const a = await openArchive(process.argv[2]!);
const queries = ['China', 'occupation', 'economic growth', '中国', '经济发展', '疫情', '經濟', '"the United States"', 'Soviet OR Russia', 'market NOT stock', '东突厥斯坦', 'president OR 主席'];
for (const q of queries) {
  await a.search({ query: q });
  const t = performance.now(); const c = process.cpuUsage();
  const r = await a.search({ query: q });
  const u = process.cpuUsage(c);
  console.log(q.padEnd(22), 'wall', (performance.now() - t).toFixed(1), 'cpu', ((u.user + u.system) / 1000).toFixed(1), 'window', r.rankedWithin ?? '-', 'hits', r.hits.length);
}
