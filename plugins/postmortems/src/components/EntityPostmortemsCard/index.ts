export { EntityPostmortemsCard } from './EntityPostmortemsCard';
