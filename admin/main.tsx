/** The office manager's app: live queue, counters, statistics (configuration pages follow). */
import { render } from 'preact';
import '../ui/staff.css';
import { AdminApp } from './app.tsx';

const root = document.getElementById('app');
if (root) render(<AdminApp />, root);
