/**
 * Settings' FSRS section, loaded only when Settings opens (with the optimizer's state and worker client;
 * fsrs-browser itself loads in the worker when the learner presses Optimize).
 */
import { createResource, onCleanup } from 'solid-js';
import { createOptimizer } from '../../state/create-optimizer';
import OptimizePanel from '../components/OptimizePanel';
import { useCollection } from '../context';
import '../styles/optimize.css';

export default function OptimizeSection() {
  const collection = useCollection();
  const optimizer = createOptimizer(collection);
  // Leaving Settings stops a fit nobody will see; an apply already under way finishes (it is resumable).
  onCleanup(() => optimizer.cancel());
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
      onCancel={() => optimizer.cancel()}
      onApply={(reschedule) => void optimizer.apply(reschedule).then(() => refetch())}
    />
  );
}
