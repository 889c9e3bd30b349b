"""The statistics table of the compare dialog: headers with units, numbers as a paper prints them.

Every column of core.stats.COLUMNS has one entry in ``column_specs()``: its header (with its unit), a
tooltip saying what it measures, and its number format. Rows pooled over all pairs of a batch are set
apart in bold on a shaded background. Copy puts the selection (or the whole table) on the clipboard as
tab-separated text with its headers; Export writes what is shown as CSV (the full-precision statistics
are in the run's own CSV beside its outputs).
"""
import math

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QBrush, QColor, QFont, QKeySequence
from qgis.PyQt.QtWidgets import QAbstractItemView, QApplication, QTableWidget, QTableWidgetItem

from ..core.stats import COLUMNS, write_table_csv
from ..translation import tr

POOLED_KEY = "all pairs"  # the key of core.batch.write_summary's pooled rows
POOLED_BACKGROUND = QColor("#e8eef5")


def _number(value):
    """A float, or None where the cell is empty or not a number (NaN: undefined, shown empty)."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def _decimals(places: int, scale: float = 1.0):
    def format_value(value) -> str:
        number = _number(value)
        return "" if number is None else f"{number * scale:.{places}f}"
    return format_value


def _count(value) -> str:
    number = _number(value)
    return "" if number is None else f"{round(number):,}"


def _text(value) -> str:
    return "" if value is None else str(value)


# How each kind of statistic is printed: LAI figures and unitless coefficients with 3 decimals, shares of
# pixels as percentages with 1, counts with thousands separators; the median |d| at its 0.01 LAI resolution.
FORMATS = {"text": _text, "count": _count, "lai": _decimals(3), "coefficient": _decimals(3),
           "share": _decimals(1, 100.0), "percent": _decimals(1), "lai_0.01": _decimals(2)}


def column_specs() -> dict:
    """Statistic name -> (header, tooltip, format) for the key and every column of core.stats.COLUMNS."""
    return {
        "key": (tr("Pair"), tr("Date and tile of the pair; 'all pairs' rows pool every pair's pixels"), "text"),
        "class": (tr("Class"), tr("QA class (value of the split field); 'all' pools every class"), "text"),
        "n": (tr("N"), tr("Pixels compared: kept by the rule and valid in both rasters"), "count"),
        "mean_product": (tr("Mean product (LAI)"), tr("Mean product LAI of the compared pixels"), "lai"),
        "mean_reference": (tr("Mean reference (LAI)"), tr("Mean reference LAI of the compared pixels"), "lai"),
        "bias": (tr("Bias (LAI)"), tr("Mean of product - reference"), "lai"),
        "mae": (tr("MAE (LAI)"), tr("Mean absolute difference"), "lai"),
        "rmse": (tr("RMSE (LAI)"), tr("Root mean square difference"), "lai"),
        "sd": (tr("SD (LAI)"), tr("Standard deviation of the differences (n - 1)"), "lai"),
        "r": (tr("r"), tr("Pearson correlation of product and reference"), "coefficient"),
        "slope": (tr("Slope"), tr("Ordinary least squares slope of product on reference"), "coefficient"),
        "intercept": (tr("Intercept (LAI)"), tr("Ordinary least squares intercept"), "lai"),
        "gcos_share": (tr("GCOS share (%)"), tr("Pixels with |product - reference| <= max(0.5, 20 % of "
                                                "reference)"), "share"),
        "slope_rma": (tr("RMA slope"), tr("Reduced major axis slope (both products carry error)"), "coefficient"),
        "intercept_rma": (tr("RMA intercept (LAI)"), tr("Reduced major axis intercept"), "lai"),
        "slope_ma": (tr("MA slope"), tr("Major axis slope"), "coefficient"),
        "intercept_ma": (tr("MA intercept (LAI)"), tr("Major axis intercept"), "lai"),
        "slope_deming": (tr("Deming slope"), tr("Deming slope (needs the ratio of error variances)"), "coefficient"),
        "intercept_deming": (tr("Deming intercept (LAI)"), tr("Deming intercept"), "lai"),
        "gcos244_threshold_share": (tr("GCOS-244 threshold (%)"), tr("Pixels with |product - reference| <= "
                                                                     "max(0.1, 20 % of reference)"), "share"),
        "gcos244_goal_share": (tr("GCOS-244 goal (%)"), tr("Pixels with |product - reference| <= max(0.05, "
                                                           "10 % of reference)"), "share"),
        "bias_pct": (tr("Relative bias (%)"), tr("Bias as a percentage of the mean reference"), "percent"),
        "rmse_pct": (tr("Relative RMSE (%)"), tr("RMSE as a percentage of the mean reference"), "percent"),
        "median_abs_difference": (tr("Median |d| (LAI)"), tr("Median absolute difference, to 0.01 LAI"),
                                  "lai_0.01"),
    }


def format_cell(name: str, value) -> str:
    return FORMATS[column_specs()[name][2]](value)


class StatsTable(QTableWidget):
    """Rows of statistics (dicts keyed by core.stats.COLUMNS, as the CSVs hold them), shown formatted."""

    def __init__(self, parent=None):
        super().__init__(0, 0, parent)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setToolTip(tr("Select cells and press Ctrl+C to copy them with their headers"))
        self.columns = []
        self.set_columns(COLUMNS)

    def set_columns(self, names):
        specs = column_specs()
        self.columns = list(names)
        self.setColumnCount(len(self.columns))
        for index, name in enumerate(self.columns):
            header, tooltip, _ = specs[name]
            item = QTableWidgetItem(header)
            item.setToolTip(tooltip)
            self.setHorizontalHeaderItem(index, item)

    def fill(self, rows, with_key: bool = False):
        """Show ``rows``; with ``with_key`` (a batch summary) a first column names the pair."""
        self.set_columns((("key",) if with_key else ()) + tuple(COLUMNS))
        specs = column_specs()
        self.setRowCount(len(rows))
        for row_index, row in enumerate(rows):
            pooled = row.get("key") == POOLED_KEY or row.get("status") == "pooled"
            for column, name in enumerate(self.columns):
                item = QTableWidgetItem(FORMATS[specs[name][2]](row.get(name, "")))
                if specs[name][2] != "text":
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if pooled or row.get("class") == "all":
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
                if pooled:
                    item.setBackground(QBrush(POOLED_BACKGROUND))
                self.setItem(row_index, column, item)
        self.resizeColumnsToContents()

    def headers(self) -> list:
        return [self.horizontalHeaderItem(column).text() for column in range(self.columnCount())]

    def cell_text(self, row: int, column: int) -> str:
        item = self.item(row, column)
        return item.text() if item is not None else ""

    def selected_block(self) -> tuple:
        """(rows, columns) of the selection's bounding block, or of the whole table when nothing is selected."""
        ranges = self.selectedRanges()
        if not ranges:
            return list(range(self.rowCount())), list(range(self.columnCount()))
        rows = sorted({row for part in ranges for row in range(part.topRow(), part.bottomRow() + 1)})
        columns = sorted({column for part in ranges for column in range(part.leftColumn(), part.rightColumn() + 1)})
        return rows, columns

    def as_tsv(self) -> str:
        """The selection with its headers as tab-separated lines (spreadsheets and word processors paste it)."""
        rows, columns = self.selected_block()
        headers = self.headers()
        lines = ["\t".join(headers[column] for column in columns)]
        lines += ["\t".join(self.cell_text(row, column) for column in columns) for row in rows]
        return "\n".join(lines) + "\n"

    def copy(self):
        QApplication.clipboard().setText(self.as_tsv())

    def export_csv(self, path: str) -> None:
        """The whole table as shown (headers with units, formatted numbers) as UTF-8 CSV."""
        headers = self.headers()
        rows = [{header: self.cell_text(row, column) for column, header in enumerate(headers)}
                for row in range(self.rowCount())]
        write_table_csv(path, rows, headers)

    def keyPressEvent(self, event):  # noqa: N802 - Qt API name
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy()
            return
        super().keyPressEvent(event)
