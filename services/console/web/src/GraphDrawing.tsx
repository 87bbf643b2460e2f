import type { CaseGraph } from './api';
import { useI18n } from './i18n';

/** A case's chain or cluster as the gateway laid it out: circles for people, lines for links. */
export function GraphDrawing({
  graph,
  onOpenCase,
}: {
  graph: CaseGraph;
  onOpenCase: (caseId: string) => void;
}) {
  const { t, formatDate } = useI18n();
  const at = new Map(graph.nodes.map((n) => [n.id, n]));
  const levelName = (level: number) => (level >= 0 ? `F${level}` : t.unclassified);
  const label = (name: string, id: string) => (name || id).slice(0, 22);

  return (
    <>
      <div className="graph">
        <svg
          role="img"
          aria-label={graph.view === 'cluster' ? t.clusterView : t.chainView}
          width={graph.width}
          height={graph.height}
          viewBox={`0 0 ${graph.width} ${graph.height}`}
        >
          {graph.edges.map((edge) => {
            const from = at.get(edge.from);
            const to = at.get(edge.to);
            if (!from || !to) return null;
            return (
              <line
                key={`${edge.from}>${edge.to}`}
                x1={from.x}
                y1={from.y}
                x2={to.x}
                y2={to.y}
                className={`edge edge-${edge.link}`}
              />
            );
          })}
          {graph.nodes.map((node) => (
            <g
              key={node.id}
              transform={`translate(${node.x} ${node.y})`}
              className={`node level-${node.level < 0 ? 'none' : String(Math.min(node.level, 3))}${node.focus ? ' focus' : ''}`}
            >
              <title>
                {`${node.name || node.id} · ${levelName(node.level)}${node.caseId ? ` · ${t.confirmedAt} ${formatDate(node.confirmedAt)}` : ''}`}
              </title>
              <circle r={node.focus ? 16 : 12} />
              <text className="level" dy="0.35em">
                {levelName(node.level)}
              </text>
              <text className="name" dy="2.1em">
                {label(node.name, node.id)}
              </text>
            </g>
          ))}
        </svg>
      </div>
      {graph.leftOut > 0 ? (
        <p className="muted">
          {t.leftOut} {graph.leftOut}
        </p>
      ) : null}
      <details>
        <summary>{t.asTable}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{t.person}</th>
              <th scope="col">{t.classification}</th>
              <th scope="col">{t.source}</th>
              <th scope="col">{t.confirmedAt}</th>
            </tr>
          </thead>
          <tbody>
            {graph.nodes.map((node) => {
              const parent = graph.edges.find((e) => e.to === node.id);
              const source = parent ? at.get(parent.from) : undefined;
              return (
                <tr key={node.id}>
                  <td>
                    {node.caseId && !node.focus ? (
                      <button
                        type="button"
                        className="link"
                        onClick={() => {
                          onOpenCase(node.caseId);
                        }}
                      >
                        {node.name || node.id}
                      </button>
                    ) : (
                      node.name || node.id
                    )}
                  </td>
                  <td>{levelName(node.level)}</td>
                  <td>{source ? source.name || source.id : '—'}</td>
                  <td>{node.caseId ? formatDate(node.confirmedAt) : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </details>
    </>
  );
}
