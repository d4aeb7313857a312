import { render } from 'solid-js/web';
import './ui/styles.css';
import App from './ui/App';

const root = document.getElementById('root');
if (!root) throw new Error('The #root element is missing from index.html');
render(() => <App />, root);
