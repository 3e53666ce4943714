/** The clerk's app at a counter: sign in, pick the counter, call and serve visitors. */
import { render } from 'preact';
import '../ui/staff.css';
import { CounterApp } from './app.tsx';

const root = document.getElementById('app');
if (root) render(<CounterApp />, root);
