// The parent side of the trainer process.
export { TrainerProcess, defaultTrainerScript, type TrainerProcessOptions, type TrainerCompletion } from './trainerProcess';
export { TrainerProcessError } from './trainerProcessError';
