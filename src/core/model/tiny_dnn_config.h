// Includes tiny-dnn 1.0.0a3 with the settings LikeCast builds it with. Only
// train.cpp includes this: tiny-dnn is heavy to compile and only training uses it.
#pragma once

// Single-threaded: for a network this small the parallel path is slower, and
// the browser build has no threads.
#ifndef CNN_SINGLE_THREAD
#define CNN_SINGLE_THREAD
#endif
// The network is copied out by hand (model_io.h), so tiny-dnn's cereal-based
// serialisation is not needed.
#ifndef CNN_NO_SERIALIZATION
#define CNN_NO_SERIALIZATION
#endif

#include <tiny_dnn/tiny_dnn.h>
