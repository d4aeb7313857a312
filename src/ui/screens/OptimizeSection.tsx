/**
 * Settings' FSRS section, loaded only when Settings opens (with the optimizer's state and worker client;
 * fsrs-browser itself loads in the worker when the learner presses Optimize).
 */
import { createResource } from 'solid-js';
import { createOptimizer } from '../../state/create-optimizer';
import OptimizePanel from '../components/OptimizePanel';
import { useCollection } from '../context';
import '../styles/optimize.css';

export default function OptimizeSection() {
  const collection = useCollection();
  const optimizer = createOptimizer(collection);
  const [history, { refetch }] = createResource(
    () => collection.revision(),
    () => optimizer.history(),
  );
  return (
    <OptimizePanel
      phase={optimizer.phase()}
      progress={optimizer.progress()}
      status={optimizer.status()}
      result={optimizer.result()}
      history={history.latest}
      own={collection.settings().parameters !== undefined}
      disabled={collection.state() !== 'ready'}
      onOptimize={() => void optimizer.run()}
      onApply={(reschedule) => void optimizer.apply(reschedule).then(() => refetch())}
    />
  );
}
