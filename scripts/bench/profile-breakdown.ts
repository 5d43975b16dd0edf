/**
 * A CPU profile's heaviest functions, by self and by total time, counting only samples whose stack holds
 * one of our frames (for the profile-* scripts).
 */
export interface Node {
  id: number;
  callFrame: { url: string; functionName: string; lineNumber: number };
  children?: number[];
}
export interface Profile {
  nodes: Node[];
  samples?: number[];
  timeDeltas?: number[];
}

export function breakdown(profile: Profile, ours: (url: string) => boolean) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const label = (n: Node) =>
    `${n.callFrame.functionName || "(anonymous)"}${ours(n.callFrame.url) ? `:${n.callFrame.lineNumber + 1}` : " [native]"}`;
  for (let i = 0; i < samples.length; i++) {
    const ms = (deltas[i + 1] ?? 0) / 1000;
    const stack: Node[] = [];
    for (let id: number | undefined = samples[i]; id !== undefined; id = parent.get(id)) stack.push(byId.get(id)!);
    if (!stack.some((n) => ours(n.callFrame.url))) continue;
    self.set(label(stack[0]!), (self.get(label(stack[0]!)) ?? 0) + ms);
    for (const name of new Set(stack.filter((n) => ours(n.callFrame.url)).map(label)))
      total.set(name, (total.get(name) ?? 0) + ms);
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `  ${v.toFixed(2).padStart(7)} ms  ${k}`)
      .join("\n");
  return { self: top(self, 25), total: top(total, 30) };
}
