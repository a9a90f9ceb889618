"""Train a registered model on MNIST from the terminal and save its weights.

    python -m lab.train --model book [--epochs N] [--seed S] [--out PATH] [--limit N]
    python -m lab.train --model default [--epochs N] [--seed S] [--resume]

Defaults come from the model's recipe in ``lab.models.MODELS``. A progress bar goes to
stderr; the last line on stdout is the test accuracy. The same seed reproduces the .npz file
bit for bit: ``main`` holds BLAS to one thread (threadpoolctl) while it trains, whatever
OPENBLAS_NUM_THREADS says, because OpenBLAS's thread count changes how matrix products are
rounded (by ~1e-16) and for these small products (100 × 784 × 50) threads mostly add overhead.
``--blas-threads N`` uses N threads, at the price of ULP-level differences between thread
counts. Importing this module changes nothing.

A recipe with ``"augment": True`` (the default CNN) trains with ``lab.cnn.fit`` instead:
fresh augmentation every epoch, Adam with a cosine learning rate, and a checkpoint after every
epoch in ``<out>.ckpt.npz``; ``--resume`` continues from it after an interruption.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from threadpoolctl import threadpool_limits

from lab.cnn import fit
from lab.mnist import load_mnist
from lab.models import MODELS, build_network, model_path, save_model
from lab.optimizers import OPTIMIZERS
from lab.pendigits import (
    HELD_OUT_WRITERS,
    held_out_set,
    load_pendigits,
    render_set,
    split_by_writer,
)
from lab.trainer import train

BLAS_THREADS = 1
"""BLAS threads while training unless ``--blas-threads`` says otherwise: the shipped weights
were trained on one, and only the same count reproduces them bit for bit."""


def _positive_int(text: str) -> int:
    n = int(text)
    if n < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number >= 1, got {text}")
    return n


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m lab.train", description=__doc__.split("\n")[0])
    p.add_argument("--model", default="book", choices=sorted(MODELS), help="architecture")
    p.add_argument("--epochs", type=int, help="passes over the training set (recipe default)")
    p.add_argument("--seed", type=int, help="seed for init, shuffling and dropout")
    p.add_argument("--batch-size", type=int, help="mini-batch size")
    p.add_argument("--optimizer", choices=list(OPTIMIZERS), help="optimizer name")
    p.add_argument("--lr", type=float, help="learning rate")
    p.add_argument("--limit", type=int, help="use only the first N training and test images")
    p.add_argument("--out", help="output .npz (default data/models/<model>.npz)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument(
        "--resume", action="store_true", help="continue from <out>.ckpt.npz (augment recipes)"
    )
    p.add_argument(
        "--blas-threads",
        type=_positive_int,
        default=BLAS_THREADS,
        metavar="N",
        help="BLAS threads while training (default %(default)s: reproduces the shipped "
        "weights bit for bit; more may differ in the last bits)",
    )
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Parse arguments, train, evaluate on the test set, save; return the exit status.

    BLAS runs on ``--blas-threads`` threads (default 1) for the whole run and gets its
    previous setting back afterwards.
    """
    args = _parser().parse_args(argv)
    with threadpool_limits(limits=args.blas_threads, user_api="blas"):
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    """Train ``args.model`` as the command line asks, evaluate, save; return 0."""
    recipe = MODELS[args.model].recipe
    epochs = args.epochs or recipe.get("epochs", 10)
    seed = recipe.get("seed", 0) if args.seed is None else args.seed
    batch_size = args.batch_size or recipe.get("batch_size", 100)
    optimizer = args.optimizer or recipe.get("optimizer", "Adam")
    optimizer_param = dict(recipe.get("optimizer_param", {})) if not args.optimizer else {}
    if args.lr is not None:
        optimizer_param["lr"] = args.lr

    rng = np.random.default_rng(seed)
    network = build_network(args.model, rng)
    flatten = len(network.input_shape) == 1
    (x_train, t_train), (x_test, t_test) = load_mnist(normalize=True, flatten=flatten)
    if args.limit:
        x_train, t_train = x_train[: args.limit], t_train[: args.limit]
        x_test, t_test = x_test[: args.limit], t_test[: args.limit]

    out = Path(args.out or model_path(args.model))
    start = time.perf_counter()
    meta: dict = {}
    pen_train, pen_held_out = split_by_writer(load_pendigits())
    pen_copies = recipe.get("pen_copies", 0)
    if recipe.get("augment"):
        if args.optimizer:
            raise SystemExit(f"{args.model} trains with Adam (lab.cnn.fit); drop --optimizer")
        history = fit(
            network,
            x_train,
            t_train,
            x_test,
            t_test,
            rng=rng,
            epochs=epochs,
            batch_size=batch_size,
            lr=optimizer_param["lr"],
            lr_min=recipe["lr_min"],
            extra=(lambda r: render_set(pen_train, r, pen_copies)) if pen_copies else None,
            checkpoint=out.with_name(out.stem + ".ckpt.npz"),
            resume=args.resume,
            progress=not args.quiet,
        )
    else:
        history = train(
            network,
            x_train,
            t_train,
            x_test,
            t_test,
            rng=rng,
            epochs=epochs,
            batch_size=batch_size,
            optimizer=optimizer,
            optimizer_param=optimizer_param,
            lr_decay=recipe.get("lr_decay", 1.0),
            evaluate_sample_num_per_epoch=recipe.get("evaluate_sample_num_per_epoch"),
            progress=not args.quiet,
        )
    seconds = sum(history["seconds"]) if "seconds" in history else time.perf_counter() - start
    test_acc = network.accuracy(x_test, t_test)
    if pen_copies:
        meta["pen_train_writers"] = len({d.writer for d in pen_train})
        meta["pen_copies"] = pen_copies
    if not args.limit:  # every model is judged on the same unseen writers' pen digits
        x_pen, t_pen, _ = held_out_set(pen_held_out)
        meta["pen_held_out_writers"] = list(HELD_OUT_WRITERS)
        meta["pen_held_out_acc"] = network.accuracy(x_pen, t_pen)
    save_model(
        out,
        network,
        args.model,
        seed=seed,
        epochs=epochs,
        batch_size=batch_size,
        optimizer=optimizer,
        optimizer_param=optimizer_param,
        lr_decay=recipe.get("lr_decay", 1.0),
        train_size=len(x_train),
        test_size=len(x_test),
        train_acc=history["train_acc"][-1],
        test_acc=test_acc,
        **meta,
    )
    if "pen_held_out_acc" in meta:
        print(f"held-out writers' pen digits: {meta['pen_held_out_acc']:.4f} on {len(t_pen)}")
    print(
        f"test accuracy {test_acc:.4f} on {len(x_test)} images "
        f"({args.model}, {epochs} epochs, seed {seed}, {seconds:.1f}s) -> {out}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
