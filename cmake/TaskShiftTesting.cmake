# ts_add_test(NAME <name> COMMAND <exe> [args...] LABELS <labels> [MPI_SIZES 1 2 4] [TIMEOUT s])
# Registers the test once per MPI size (named <name>.np<N>, run under mpiexec) or once plain.
set(TS_MPIEXEC_ENV
    OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
    OMPI_MCA_rmaps_base_oversubscribe=1 OMPI_MCA_btl_vader_single_copy_mechanism=none)

function(ts_add_test)
  cmake_parse_arguments(T "" "NAME;TIMEOUT" "COMMAND;LABELS;MPI_SIZES;ENVIRONMENT" ${ARGN})
  if(NOT T_TIMEOUT)
    set(T_TIMEOUT 600)
  endif()
  if(T_MPI_SIZES)
    foreach(np IN LISTS T_MPI_SIZES)
      add_test(NAME ${T_NAME}.np${np}
               COMMAND ${MPIEXEC_EXECUTABLE} ${MPIEXEC_NUMPROC_FLAG} ${np} ${T_COMMAND})
      set_tests_properties(${T_NAME}.np${np} PROPERTIES
        LABELS "${T_LABELS};mpi" TIMEOUT ${T_TIMEOUT} PROCESSORS ${np}
        ENVIRONMENT "${TS_MPIEXEC_ENV};OMP_NUM_THREADS=1;${T_ENVIRONMENT}")
    endforeach()
  else()
    add_test(NAME ${T_NAME} COMMAND ${T_COMMAND})
    set_tests_properties(${T_NAME} PROPERTIES LABELS "${T_LABELS}" TIMEOUT ${T_TIMEOUT}
                         ENVIRONMENT "${TS_MPIEXEC_ENV};${T_ENVIRONMENT}")
  endif()
endfunction()
