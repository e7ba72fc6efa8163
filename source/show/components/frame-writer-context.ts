import {createContext} from 'react';
import type {FrameWriter} from '../../terminal/frame-writer.js';

/** The live show provides a frame writer; without one (tests, the menu's parts) Ink paints the lines. */
export const FrameWriterContext = createContext<FrameWriter | undefined>(undefined);
