/**
 * Streaming consumers of cells: the JSON document, the CSV table and shard parts. Each writes a
 * cell as soon as it arrives, so memory does not grow with the grid.
 */
import type { GridPoint, Shard } from './grid.js';
import type { Cell, RunHeader } from './types.js';
import { cellCsv, cellJson, jsonOpening } from './cellFormat.js';
import { TextOut } from './textOut.js';

/** Receives the cells of a run in grid order. */
export interface CellSink {
  cell(cell: Cell, point: GridPoint): Promise<void> | void;
  close(): Promise<void>;
  /** The run failed: discard what close() would have written. */
  abort?(): Promise<void>;
}

/** The JSON document `{"family","params","axes","cells":[...]}`, one cell per line. */
export class JsonSink implements CellSink {
  private first = true;
  private constructor(
    private readonly out: TextOut,
    private readonly header: RunHeader,
  ) {}

  static async open(out: TextOut, header: RunHeader): Promise<JsonSink> {
    await out.write(jsonOpening(header));
    return new JsonSink(out, header);
  }

  async cell(cell: Cell): Promise<void> {
    await this.out.write((this.first ? '\n' : ',\n') + cellJson(cell, this.header.fields));
    this.first = false;
  }

  async close(): Promise<void> {
    await this.out.write('\n]}\n');
    await this.out.close();
  }

  abort(): Promise<void> {
    return this.out.abort();
  }
}

/** The CSV table: a header row of field names, then one row per cell. */
export class CsvSink implements CellSink {
  private constructor(
    private readonly out: TextOut,
    private readonly header: RunHeader,
  ) {}

  static async open(out: TextOut, header: RunHeader): Promise<CsvSink> {
    await out.write(header.fields.join(',') + '\n');
    return new CsvSink(out, header);
  }

  async cell(cell: Cell): Promise<void> {
    await this.out.write(cellCsv(cell, this.header.fields) + '\n');
  }

  async close(): Promise<void> {
    await this.out.close();
  }

  abort(): Promise<void> {
    return this.out.abort();
  }
}

/** Marker of a part file's header line. */
export const PART_KIND = 'hasme-explore-part';

/** The first line of a part file. */
export interface PartHeader extends RunHeader {
  kind: typeof PART_KIND;
  shard: Shard & { start: number; end: number };
}

/**
 * A shard part as JSON Lines: the header (run header plus the shard and its index range), then
 * one cell per line. `hasme explore merge` streams parts back into the full outputs.
 */
export class PartSink implements CellSink {
  private constructor(
    private readonly out: TextOut,
    private readonly header: RunHeader,
  ) {}

  static async open(out: TextOut, header: RunHeader, shard: PartHeader['shard']): Promise<PartSink> {
    const line: PartHeader = { kind: PART_KIND, ...header, shard };
    await out.write(JSON.stringify(line) + '\n');
    return new PartSink(out, header);
  }

  async cell(cell: Cell): Promise<void> {
    await this.out.write(cellJson(cell, this.header.fields) + '\n');
  }

  async close(): Promise<void> {
    await this.out.close();
  }

  abort(): Promise<void> {
    return this.out.abort();
  }
}

/** Fans cells out to several sinks. */
export class TeeSink implements CellSink {
  constructor(private readonly sinks: CellSink[]) {}

  async cell(cell: Cell, point: GridPoint): Promise<void> {
    for (const s of this.sinks) await s.cell(cell, point);
  }

  async close(): Promise<void> {
    for (const s of this.sinks) await s.close();
  }

  async abort(): Promise<void> {
    for (const s of this.sinks) await s.abort?.();
  }
}
