/** The office manager's app: live queue, counters, statistics (configuration pages follow). */
import { render } from 'preact';
import '../ui/staff.css';
import { AdminApp } from './app.tsx';
import { LiveWall, wallViewOf } from './live-wall.tsx';

const root = document.getElementById('app');
const wall = wallViewOf(location.search);
if (root) render(wall ? <LiveWall view={wall} /> : <AdminApp />, root);
