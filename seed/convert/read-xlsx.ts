import path from 'node:path';
import ExcelJS from 'exceljs';

/** One data row of a published sheet: the cluster name cell and its lg(k1) cell. */
export interface RateRow {
  /** Where the row came from, for error messages: "file.xlsx!Sheet1 row 12". */
  readonly where: string;
  readonly name: string;
  readonly log10K1: number;
}

type Cell = ExcelJS.CellValue;

/** The value a cell shows: formula results, rich text and hyperlinks reduced to plain values. */
function plainValue(value: Cell): string | number | boolean | Date | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || value instanceof Date) return value;
  if ('result' in value) {
    const result = value.result;
    return result === undefined || (typeof result === 'object' && !(result instanceof Date)) ? null : result;
  }
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('text' in value) return value.text;
  return null;
}

async function openWorksheet(filePath: string, sheetName: string | undefined): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(filePath);
  } catch (error) {
    throw new Error(`cannot read ${filePath}: ${(error as Error).message}`, { cause: error });
  }
  const sheet = sheetName === undefined ? workbook.worksheets[0] : workbook.getWorksheet(sheetName);
  if (!sheet) {
    const names = workbook.worksheets.map((ws) => ws.name).join(', ');
    throw new Error(`${filePath} has no sheet ${sheetName ?? '(first)'}; it has: ${names}`);
  }
  return sheet;
}

/**
 * Reads the name and lg(k1) columns of a sheet whose first row is a header. Columns are
 * found by header text (a header ending in "Cluster"/"Clusters", and one containing
 * "lg(k1)") so that a reordered sheet is read correctly or rejected, never misread.
 */
export async function readRateRows(filePath: string, sheetName?: string): Promise<RateRow[]> {
  const sheet = await openWorksheet(filePath, sheetName);
  const label = `${path.basename(filePath)}!${sheet.name}`;
  const header = sheet.getRow(1);
  let nameColumn = 0;
  let lgColumn = 0;
  header.eachCell((cell, column) => {
    const text = String(plainValue(cell.value) ?? '').trim();
    if (nameColumn === 0 && /clusters?$/i.test(text)) nameColumn = column;
    if (lgColumn === 0 && text.toLowerCase().includes('lg(k1)')) lgColumn = column;
  });
  if (nameColumn === 0 || lgColumn === 0) {
    throw new Error(`${label}: header row lacks a cluster-name column and/or an lg(k1) column`);
  }
  const rows: RateRow[] = [];
  const problems: string[] = [];
  for (let r = 2; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r);
    const name = plainValue(row.getCell(nameColumn).value);
    const lg = plainValue(row.getCell(lgColumn).value);
    if (name === null && lg === null) continue;
    const where = `${label} row ${r}`;
    if (typeof name !== 'string' || name.trim() === '') {
      problems.push(`${where}: cluster name cell is not text (${JSON.stringify(name)})`);
      continue;
    }
    if (typeof lg !== 'number' || !Number.isFinite(lg)) {
      problems.push(`${where}: lg(k1) of ${name} is not a number (${JSON.stringify(lg)})`);
      continue;
    }
    rows.push({ where, name: name.trim(), log10K1: lg });
  }
  if (problems.length > 0) throw new Error(`cannot read ${label}:\n  ${problems.join('\n  ')}`);
  return rows;
}

/** Sheet2 of the feature files: pairs (k1, lg(k1)) the authors give as a unit check. */
export async function readUnitCheckRows(filePath: string): Promise<{ k1: number; log10K1: number }[]> {
  const sheet = await openWorksheet(filePath, 'Sheet2');
  const pairs: { k1: number; log10K1: number }[] = [];
  for (let r = 1; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r);
    const k1 = plainValue(row.getCell(1).value);
    const lg = plainValue(row.getCell(2).value);
    if (typeof k1 === 'number' && typeof lg === 'number') pairs.push({ k1, log10K1: lg });
  }
  return pairs;
}
