"""Output folders of the data writers: never mixed with older files."""
import json
import os
import os.path as osp
import shutil


def prepare_output_dir(out_dir: str, overwrite: bool, marker: str,
                       writer: str) -> None:
    """Make ``out_dir`` an empty folder for ``writer``.

    A non-empty folder is refused unless ``overwrite``; then it is deleted
    only when ``marker`` (a file the writer puts there first) says it is an
    earlier output of the same writer, complete or not: nothing of an
    earlier data set survives into the new one, and a folder the writer did
    not make is never deleted. ``marker`` is written (``complete=False``).

    Args:
        out_dir (str): the output folder.
        overwrite (bool): replace an earlier output.
        marker (str): the marker's file name (``render_mot.json``).
        writer (str): the tool's name, for messages.
    """
    if check_replaceable(out_dir, overwrite, marker, writer):
        shutil.rmtree(out_dir)
    os.makedirs(out_dir, exist_ok=True)
    write_marker(out_dir, marker, dict(writer=writer, complete=False))


def check_replaceable(out_dir: str, overwrite: bool, marker: str,
                      writer: str) -> bool:
    """Whether ``out_dir`` holds an earlier output of ``writer`` to replace
    (False: it is missing or empty); a non-empty folder is refused unless
    ``overwrite``, and then unless ``marker`` says the writer made it.

    Args:
        out_dir (str): the output folder.
        overwrite (bool): replace an earlier output.
        marker (str): the marker's file name.
        writer (str): the tool's name, for messages.
    """
    if osp.exists(out_dir) and not osp.isdir(out_dir):
        raise FileExistsError(f'{out_dir} exists and is not a folder')
    if not (osp.isdir(out_dir) and os.listdir(out_dir)):
        return False
    if not overwrite:
        raise FileExistsError(
            f'{out_dir} exists and is not empty; pass --overwrite to '
            f'replace an earlier {writer} output (nothing is mixed into it)')
    if not osp.isfile(osp.join(out_dir, marker)):
        raise FileExistsError(
            f'{out_dir} is not a {writer} output (no {marker}); refusing '
            'to delete it')
    return True


def write_marker(out_dir: str, marker: str, record: dict) -> None:
    """Write the writer's marker file (a JSON record)."""
    with open(osp.join(out_dir, marker), 'w') as f:
        json.dump(record, f, indent=2)
