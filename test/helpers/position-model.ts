/**
The plain model the navigation property tests check the reducer against: where the show stands and
how →, ← and a jump move it, written out from the README rather than from the reducer.
*/
export type PositionModel = {
	index: number;
	step: number;
	pending: string;
	overlay: 'none' | 'help' | 'menu' | 'overview';
	/** What the help covers and goes back to. */
	under: 'none' | 'help' | 'menu' | 'overview';
	readonly units: readonly number[];
	readonly isRevealing: boolean;
};

/** Where a slide starts when arrived at going forward or by a jump. */
export const firstOf = (model: PositionModel, index: number) => (model.isRevealing ? Math.min(1, model.units[index]!) : model.units[index]!);
export const lastOf = (model: PositionModel, index: number) => model.units[index]!;

export function jump(model: PositionModel, index: number): void {
	model.pending = '';
	if (Number.isInteger(index) && index >= 0 && index < model.units.length) {
		model.index = index;
		model.step = firstOf(model, index);
		model.overlay = 'none';
		model.under = 'none';
	}
}

export function forward(model: PositionModel): void {
	model.pending = '';
	if (model.step < lastOf(model, model.index)) {
		model.step++;
	} else if (model.index + 1 < model.units.length) {
		model.index++;
		model.step = firstOf(model, model.index);
	}
}

export function backward(model: PositionModel): void {
	if (/^\d+$/.test(model.pending)) {
		// A typed number loses its last digit; the show stays where it is.
		model.pending = model.pending.slice(0, -1);
		return;
	}

	model.pending = '';
	if (model.step > firstOf(model, model.index)) {
		model.step--;
	} else if (model.index > 0) {
		model.index--;
		model.step = lastOf(model, model.index);
	}
}

/** No key at all, as Ink reports it: a test sets the one that is pressed. */
export {noKey} from '../../source/model/keymap.js';
