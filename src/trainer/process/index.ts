// The parent side of the trainer process.
export { TrainerProcess, defaultTrainerScript, type TrainerProcessOptions, type TrainerCompletion, type IdleTrainer } from './trainerProcess';
export { TrainerProcessError } from './trainerProcessError';
